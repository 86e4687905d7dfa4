"""The four roles, as Django groups, and the permissions each one holds.

Views check permissions, never group names, so a clinic can grant a permission to one
person without inventing a role. The data migration that creates the groups and
`roles_sync` (run by seed_demo and after upgrades) both read ROLE_PERMISSIONS.
"""

from enum import StrEnum


class Role(StrEnum):
    PATIENT = "Patient"
    FRONT_DESK = "Front desk"
    CLINICIAN = "Clinician"
    CLINIC_ADMIN = "Clinic admin"


STAFF_ROLES = (Role.FRONT_DESK, Role.CLINICIAN, Role.CLINIC_ADMIN)

_CONTENT_PERMS = [
    f"content.{action}_{model}"
    for model in ("page", "faqentry", "faqcategory")
    for action in ("view", "add", "change", "delete")
] + ["content.publish_page"]
_LOCATION_PERMS = [
    f"locations.{action}_{model}"
    for model in ("location", "openinghours", "chair", "consultanthours")
    for action in ("view", "add", "change", "delete")
]
_CONSULTATION_DESK = ["patients.view_consultation", "patients.change_consultation"]
# The photo of a patient's ID, checked against the ID itself at the desk (each look logged).
_ID_PHOTO = ["patients.view_id_document_photo"]
# The screening's answers and flags: clinicians and clinic admins only.
_SCREENING_ANSWERS = ["screening.view_screening_answers", "screening.view_screening_status"]
# The drug catalogue and the questionnaire's versions: the clinical content of screening.
_SCREENING_CONTENT = [
    *(f"screening.{action}_drug" for action in ("view", "add", "change")),
    *(f"screening.{action}_questionnaireversion" for action in ("view", "add", "change")),
    "screening.publish_questionnaireversion",
]
_CONSENT_EDITING = [
    *(f"patients.{action}_consentdocument" for action in ("view", "add", "change")),
    "patients.publish_consentdocument",
]
# Resetting a staff member's two-step sign-in (a lost phone): deleting their devices in the
# Django admin, which never shows the secrets (OTP_ADMIN_HIDE_SENSITIVE_DATA).
_SECOND_FACTOR_RESET = [
    f"{app}.{action}_{model}"
    for app, model in (("otp_totp", "totpdevice"), ("otp_static", "staticdevice"))
    for action in ("view", "delete")
]
# Unlocking an account locked after wrong passwords (clinic/accounts/lockout.py) before its
# cool-off ends: deleting the attempt in the Django admin.
_SIGN_IN_UNLOCK = [f"axes.{action}_accessattempt" for action in ("view", "delete")]
# The e-mail outbox in the Django admin: what was sent, what waits, and sending again what
# was given up on once the mail server works again.
_OUTBOX = ["outbox.view_email", "outbox.retry_email"]
# The schedule: the day board, booking, moving, cancelling and checking in; plans and the
# waitlist are seen, and the roster read.
_INFUSION_DESK = [
    *(f"infusions.{action}_infusionappointment" for action in ("view", "add", "change")),
    "infusions.check_in_infusion",
    "infusions.view_treatmentplan",
    *(f"infusions.{action}_waitlistentry" for action in ("view", "add", "change")),
    "infusions.view_dutyshift",
    "infusions.view_dutyexception",
    "infusions.view_appointmenttype",
    "infusions.view_reminder",
]
# A clinician sets treatment plans and supervises infusions on the duty roster.
_INFUSION_CLINICIAN = [
    "infusions.view_infusionappointment",
    "infusions.check_in_infusion",
    "infusions.supervise_infusions",
    *(f"infusions.{action}_treatmentplan" for action in ("view", "add", "change")),
    "infusions.set_treatment_plan",
    "infusions.view_dutyshift",
    "infusions.view_dutyexception",
    "infusions.view_appointmenttype",
    # The infusion record: only clinicians read and write the chart.
    "infusions.view_infusionrecord",
    "infusions.chart_infusion",
]
# Clinic admins edit the appointment types and the duty roster.
_INFUSION_SETUP = [
    f"infusions.{action}_{model}"
    for model in (
        "appointmenttype",
        "dutyshift",
        "dutyexception",
        "reminderrule",
        "reminderwording",
    )
    for action in ("view", "add", "change", "delete")
] + ["infusions.view_reminder", "infusions.view_clinic_reports"]

ROLE_PERMISSIONS: dict[Role, list[str]] = {
    Role.PATIENT: ["patients.complete_own_intake", "infusions.book_own_infusion"],
    Role.FRONT_DESK: [
        "accounts.access_staff_area",
        "locations.view_location",
        "locations.view_chair",
        "locations.view_openinghours",
        *_CONSULTATION_DESK,
        "screening.view_screening_status",  # cleared / pending / declined, never the answers
        *_INFUSION_DESK,
        *_ID_PHOTO,
    ],
    Role.CLINICIAN: [
        "accounts.access_staff_area",
        "locations.view_location",
        "locations.view_chair",
        "locations.view_openinghours",
        "patients.view_consultation",
        *_SCREENING_ANSWERS,
        "screening.decide_screening",
        *_SCREENING_CONTENT,
        "patients.view_consentsignature",
        *_INFUSION_CLINICIAN,
        *_ID_PHOTO,
    ],
    Role.CLINIC_ADMIN: [
        "accounts.access_staff_area",
        *_CONTENT_PERMS,
        *_LOCATION_PERMS,
        *_CONSULTATION_DESK,
        *_SCREENING_ANSWERS,
        *_SCREENING_CONTENT,
        *_INFUSION_DESK,
        *_INFUSION_SETUP,
        "audit.view_accessevent",
        "patients.view_consentsignature",
        *_CONSENT_EDITING,
        *_SECOND_FACTOR_RESET,
        *_SIGN_IN_UNLOCK,
        *_OUTBOX,
        *_ID_PHOTO,
        # Patients' requests to close their account, acted on in the admin.
        "patients.view_closurerequest",
        "patients.change_closurerequest",
    ],
}


def roles_sync(*, group_model, permission_model, skip_missing=False):
    """Create the role groups and set exactly the permissions ROLE_PERMISSIONS names.

    Takes the models as arguments so a data migration can pass its historical models. A
    migration passes skip_missing=True: permissions of apps migrated later do not exist yet,
    and the migration that adds such an app syncs the roles again.
    """
    for role, perm_names in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=role.value)
        perms = []
        for name in perm_names:
            app_label, codename = name.split(".")
            perm = permission_model.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is None and not skip_missing:
                raise LookupError(f"Permission {name} does not exist; run migrate first.")
            if perm is not None:
                perms.append(perm)
        group.permissions.set(perms)


def roles_sync_in_migration(apps, schema_editor):
    """RunPython body for every migration that changes what the roles hold."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations have run; the roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    roles_sync(
        group_model=apps.get_model("auth", "Group"),
        permission_model=apps.get_model("auth", "Permission"),
        skip_missing=True,
    )
