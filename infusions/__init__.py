"""Infusions: the eligibility gate and booking a chair for a cleared patient.

The top of the house: stands on `screening`, `patients` and `clinic/`, and nothing imports it.
"""
