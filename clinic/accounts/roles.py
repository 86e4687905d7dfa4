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
    for model in ("location", "openinghours", "chair")
    for action in ("view", "add", "change", "delete")
]

ROLE_PERMISSIONS: dict[Role, list[str]] = {
    Role.PATIENT: [],
    Role.FRONT_DESK: [
        "accounts.access_staff_area",
        "locations.view_location",
        "locations.view_chair",
        "locations.view_openinghours",
    ],
    Role.CLINICIAN: [
        "accounts.access_staff_area",
        "locations.view_location",
        "locations.view_chair",
        "locations.view_openinghours",
    ],
    Role.CLINIC_ADMIN: ["accounts.access_staff_area", *_CONTENT_PERMS, *_LOCATION_PERMS],
}


def roles_sync(*, group_model, permission_model):
    """Create the role groups and set exactly the permissions ROLE_PERMISSIONS names.

    Takes the models as arguments so a data migration can pass its historical models.
    """
    for role, perm_names in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=role.value)
        perms = []
        for name in perm_names:
            app_label, codename = name.split(".")
            perms.append(
                permission_model.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(perms)
