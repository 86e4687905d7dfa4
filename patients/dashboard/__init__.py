"""The patient's home page: the steps to a first infusion and what is booked.

Each app adds its own parts through `dashboard.sections.register`, so this package never
imports the apps above patients whose parts it shows.
"""
