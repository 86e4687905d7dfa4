"""The permissions the patients app's pages check. Roles hold them (clinic/accounts/roles.py);
views name them from here, never a group."""

# A patient's own records: intake, consent, dashboard.
COMPLETE_OWN_INTAKE = "patients.complete_own_intake"

# The photo of a patient's ID, to check it at the desk; every look is logged.
VIEW_ID_DOCUMENT_PHOTO = "patients.view_id_document_photo"

VIEW_CONSULTATIONS = "patients.view_consultation"
CHANGE_CONSULTATIONS = "patients.change_consultation"

# Any patient's signed consent, for clinicians and clinic admins.
VIEW_ANY_CONSENT = "patients.view_consentsignature"

VIEW_CONSENT_VERSIONS = "patients.view_consentdocument"
ADD_CONSENT_VERSION = "patients.add_consentdocument"
CHANGE_CONSENT_VERSION = "patients.change_consentdocument"
PUBLISH_CONSENT_VERSION = "patients.publish_consentdocument"
