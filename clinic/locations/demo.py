"""The locations part of the demo clinic (`manage.py seed_demo`): an open location and one
coming soon, their chairs and hours, who takes consultations at Riverside, and its on-call
clinician. Runs after the accounts part, whose users it names. Never for production."""

from datetime import time

from django.contrib.auth import get_user_model

from .models import Chair, ConsultantHours, Location, OpeningHours

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

# Who takes free consultations at Riverside, and when (local time, Monday to Friday).
CONSULTANTS = [
    ("frontdesk@example.com", time(9), time(16)),
    ("clinician@example.com", time(13), time(17)),
]


def seed_demo(*, stdout) -> None:
    for spec in LOCATIONS:
        _location(stdout, dict(spec))
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
        stdout.write(f"{email} takes consultations at Riverside, weekdays {starts}-{ends}")
    if riverside.on_call_clinician_id is None:
        riverside.on_call_clinician = get_user_model().objects.get(email="clinician@example.com")
        riverside.save(update_fields=["on_call_clinician"])


def _location(stdout, spec):
    chairs, hours = spec.pop("chairs"), spec.pop("hours")
    location, created = Location.objects.get_or_create(slug=spec["slug"], defaults=spec)
    for name in chairs:
        Chair.objects.get_or_create(location=location, name=name)
    for weekday, opens, closes in hours:
        OpeningHours.objects.get_or_create(
            location=location, weekday=weekday, opens=opens, defaults={"closes": closes}
        )
    verb = "Created" if created else "Kept"
    stdout.write(
        f"{verb} location {location.name} ({location.get_status_display()}, "
        f"{len(chairs)} chairs, {location.time_zone})"
    )
