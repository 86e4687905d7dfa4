"""The accounts part of the demo clinic (`manage.py seed_demo`): the roles, one user for each
staff role and three patients, all with README's password. Never for production."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from .roles import Role, roles_sync

# Printed in README on purpose: the demo's people, never production.
DEMO_PASSWORD = "clinic-demo-2026"  # noqa: S105  # nosec B105

STAFF = [
    ("frontdesk@example.com", "Dana", "Reyes", Role.FRONT_DESK, False),
    ("clinician@example.com", "Sam", "Okafor", Role.CLINICIAN, False),
    ("admin@example.com", "Alex", "Morgan", Role.CLINIC_ADMIN, True),
]
PATIENTS = [
    ("patient@example.com", "Jordan", "Lee"),
    ("patient2@example.com", "Casey", "Nguyen"),
    ("patient3@example.com", "Riley", "Brooks"),
]


def seed_demo(*, stdout) -> None:
    roles_sync(group_model=Group, permission_model=Permission)
    for email, first, last, role, is_admin_site_user in STAFF:
        _user(stdout, email, first, last, role, is_staff=is_admin_site_user)
    for email, first, last in PATIENTS:
        _user(stdout, email, first, last, Role.PATIENT, is_staff=False)


def _user(stdout, email, first, last, role, *, is_staff):
    user, created = get_user_model().objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last, "is_staff": is_staff}
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    user.groups.set([Group.objects.get(name=role.value)])
    verb = "Created" if created else "Kept"
    stdout.write(f"{verb} {role.value.lower()} {email}")
