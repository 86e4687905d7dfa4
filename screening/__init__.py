"""Screening: the safety questions, the rules that raise flags from answers and medications,
and the clinicians' review that clears or declines a patient before any infusion.

Stands on `patients` (its models, selectors, permissions and signals) and `clinic/`. The pure
rules live in `engine`, `matching` and `questions`; the clinical content's editors in `editor`.
"""
