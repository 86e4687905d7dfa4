"""The infusion record: what a clinician charts in the chair (weight, dose, vital signs, side
effects, scores, discharge), signing it, and amendments kept beside the original."""
