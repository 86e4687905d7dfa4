"""The permissions the screening app's pages check. Roles hold them (clinic/accounts/roles.py);
views name them from here, never a group."""

# The answers and flags: clinicians and clinic admins.
VIEW_ANSWERS = "screening.view_screening_answers"
# Cleared, pending or declined, never the answers: the front desk too.
VIEW_STATUS = "screening.view_screening_status"
DECIDE = "screening.decide_screening"

VIEW_VERSIONS = "screening.view_questionnaireversion"
ADD_VERSION = "screening.add_questionnaireversion"
CHANGE_VERSION = "screening.change_questionnaireversion"
PUBLISH_VERSION = "screening.publish_questionnaireversion"

VIEW_DRUGS = "screening.view_drug"
ADD_DRUG = "screening.add_drug"
CHANGE_DRUG = "screening.change_drug"
