"""The infusion pages: the patient's booking page, the staff's patient list, infusion list and
booking page, and the Django admin.

Every way in asks the same gate: a patient a clinician has not cleared (or who has not signed
the consent) is refused with the reasons, whoever tries and wherever; the admin never books at
all. A patient books only for themselves. Times are typed as wall-clock time at the chair's
location, so a time the clocks skip is refused by the field.
"""
