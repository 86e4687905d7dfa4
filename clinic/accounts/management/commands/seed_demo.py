"""Demo data for trying the portal: locations, chairs, one user per role, a few patients.

This command makes the clinic's ground (roles, locations, users); then each installed app
whose AppConfig has a `seed_demo(stdout=...)` adds its own part, in INSTALLED_APPS order, so
the ground never imports the apps above it. Idempotent: running it again changes nothing but
resetting the demo passwords, so README's passwords stay true. Never run it on a production
database.
"""

from datetime import time

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction

from clinic.accounts.roles import Role, roles_sync
from clinic.locations.models import Chair, ConsultantHours, Location, OpeningHours

DEMO_PASSWORD = "clinic-demo-2026"  # noqa: S105 - printed in README on purpose

LOCATIONS = [
    {
        "slug": "riverside",
        "name": "Riverside Infusion Center",
        "status": Location.Status.OPEN,
        "street_address": "120 River Street, Suite 200",
        "city": "Hartford",
        "state": "CT",
        "postal_code": "06103",
        "phone": "(860) 555-0142",
        "email": "riverside-desk@example.com",
        "time_zone": "America/New_York",
        "directions": "Free parking behind the building. Take the lift to the second floor.",
        "chairs": ["Chair 1", "Chair 2", "Chair 3"],
        "hours": [(day, time(8), time(17)) for day in range(5)] + [(5, time(9), time(13))],
    },
    {
        "slug": "lakeshore",
        "name": "Lakeshore Infusion Center",
        "status": Location.Status.COMING_SOON,
        "street_address": "45 Harbor Avenue",
        "city": "Evanston",
        "state": "IL",
        "postal_code": "60201",
        "phone": "(847) 555-0199",
        "email": "lakeshore-desk@example.com",
        "time_zone": "America/Chicago",
        "directions": "",
        "chairs": ["Chair A", "Chair B"],
        "hours": [(day, time(9), time(17)) for day in range(4)],
    },
]

STAFF = [
    ("frontdesk@example.com", "Dana", "Reyes", Role.FRONT_DESK, False),
    ("clinician@example.com", "Sam", "Okafor", Role.CLINICIAN, False),
    ("admin@example.com", "Alex", "Morgan", Role.CLINIC_ADMIN, True),
]
# Who takes free consultations at Riverside, and when (local time, Monday to Friday).
CONSULTANTS = [
    ("frontdesk@example.com", time(9), time(16)),
    ("clinician@example.com", time(13), time(17)),
]
PATIENTS = [
    ("patient@example.com", "Jordan", "Lee"),
    ("patient2@example.com", "Casey", "Nguyen"),
    ("patient3@example.com", "Riley", "Brooks"),
]


class Command(BaseCommand):
    help = "Create demo locations, chairs and users (idempotent). Not for production."

    @transaction.atomic
    def handle(self, *args, **options):
        roles_sync(group_model=Group, permission_model=Permission)
        for spec in LOCATIONS:
            self._location(dict(spec))
        for email, first, last, role, is_admin_site_user in STAFF:
            self._user(email, first, last, role, is_staff=is_admin_site_user)
        for email, first, last in PATIENTS:
            self._user(email, first, last, Role.PATIENT, is_staff=False)
        riverside = Location.objects.get(slug="riverside")
        for email, starts, ends in CONSULTANTS:
            staff = get_user_model().objects.get(email=email)
            for weekday in range(5):
                ConsultantHours.objects.get_or_create(
                    staff=staff,
                    location=riverside,
                    weekday=weekday,
                    starts=starts,
                    defaults={"ends": ends},
                )
            self.stdout.write(f"{email} takes consultations at Riverside, weekdays {starts}-{ends}")
        clinician = get_user_model().objects.get(email="clinician@example.com")
        if riverside.on_call_clinician_id is None:
            riverside.on_call_clinician = clinician
            riverside.save(update_fields=["on_call_clinician"])
        for config in apps.get_app_configs():
            if hasattr(config, "seed_demo"):
                config.seed_demo(stdout=self.stdout)
        self.stdout.write(f"Every demo user's password: {DEMO_PASSWORD}")

    def _location(self, spec):
        chairs, hours = spec.pop("chairs"), spec.pop("hours")
        location, created = Location.objects.get_or_create(slug=spec["slug"], defaults=spec)
        for name in chairs:
            Chair.objects.get_or_create(location=location, name=name)
        for weekday, opens, closes in hours:
            OpeningHours.objects.get_or_create(
                location=location, weekday=weekday, opens=opens, defaults={"closes": closes}
            )
        verb = "Created" if created else "Kept"
        self.stdout.write(
            f"{verb} location {location.name} ({location.get_status_display()}, "
            f"{len(chairs)} chairs, {location.time_zone})"
        )

    def _user(self, email, first, last, role, *, is_staff):
        user, created = get_user_model().objects.get_or_create(
            email=email, defaults={"first_name": first, "last_name": last, "is_staff": is_staff}
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set([Group.objects.get(name=role.value)])
        verb = "Created" if created else "Kept"
        self.stdout.write(f"{verb} {role.value.lower()} {email}")
