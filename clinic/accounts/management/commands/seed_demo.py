"""Demo data for trying the portal: locations, chairs, one user per role, a few patients.

Idempotent: running it again changes nothing but resetting the demo passwords, so README's
passwords stay true. Never run it on a production database.
"""

from datetime import date, time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from clinic.accounts.roles import Role, roles_sync
from clinic.locations.models import Chair, ConsultantHours, Location, OpeningHours
from patients import intake
from patients.consent_services import consent_html, consent_sign, sha256_hex
from patients.intake_services import patient_for_user
from patients.models import ConsentDocument, Medication
from screening.models import QuestionnaireVersion
from screening.services import screening_decide, screening_submit

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
        self._screened_patient(
            "patient2@example.com", riverside, ["Xanax 0.5mg", "Nardil 15mg"], clinician=None
        )
        self._screened_patient("patient3@example.com", riverside, ["Advil"], clinician=clinician)
        self.stdout.write(f"Every demo user's password: {DEMO_PASSWORD}")

    def _screened_patient(self, email, location, medications, *, clinician):
        """A patient with a finished intake and answered safety questions: waiting for review
        (clinician None) or cleared by `clinician`."""
        user = get_user_model().objects.get(email=email)
        patient = patient_for_user(user=user)
        if patient.screenings.exists():
            self.stdout.write(f"Kept the screening of {email}")
            return
        patient.preferred_location = location
        patient.date_of_birth = date(1984, 5, 17)
        patient.takes_no_medications = False
        for position, line in enumerate(medications):
            name, _, dose = line.partition(" ")
            Medication.objects.create(patient=patient, name=name, dose=dose, position=position)
        patient.intake_steps_done = [step.slug for step in intake.STEPS]
        patient.intake_completed_at = timezone.now()
        patient.save()
        version = QuestionnaireVersion.objects.current()
        answers = {
            q.code: "no" if q.kind == q.Kind.YES_NO else 1 for q in version.questions.all()
        } | {"phq9_9": 0, "pain_score": 6}
        screening = screening_submit(patient=patient, version=version, answers=answers)
        if clinician is None:
            self.stdout.write(f"{email}: safety questions answered, waiting for review")
            return
        screening_decide(
            screening=screening,
            clinician=clinician,
            outcome="cleared",
            note="Demo: nothing in the answers or medications stands against infusions.",
        )
        document = ConsentDocument.objects.current()
        consent_sign(
            patient=patient,
            document=document,
            typed_name=patient.legal_name,
            acknowledged=[section["key"] for section in document.sections],
            shown_sha256=sha256_hex(consent_html(document)),
        )
        self.stdout.write(f"{email}: cleared for infusions, consent signed")

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
