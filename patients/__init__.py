"""Patients: the people the clinic treats, from a first consultation to a signed consent.

Stands on `clinic/`. The apps above it (screening, infusions) reach it only through its
models, `selectors`, `permissions`, `signals` and the dashboard's `sections`.
"""
