"""Treatment plans: a clinician's initial series and maintenance for a patient, the planner
that proposes times keeping every booking rule, and booking a whole proposal at once."""
