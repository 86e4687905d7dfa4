"""A patient's rights over their data: downloading all of it (JSON and PDF), and asking for
the account to be closed.

The patients app gathers its own part (account, intake, medications, consents,
consultations); the apps above it (screening, infusions) add theirs through `parts.py`,
registered in their `ready()`, as the home page's sections are.
"""
