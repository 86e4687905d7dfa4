"""The patients app's part of the demo clinic (`manage.py seed_demo`): two patients with a
finished intake, one of them with a signed consent. Idempotent; never for production."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from clinic.locations.models import Location

from .consent.document import consent_html, sha256_hex
from .consent.selectors import consent_latest_for_patient
from .consent.services import consent_sign
from .intake import steps
from .models import ConsentDocument, Medication
from .selectors import patient_for_user

# Whose intake is finished, with the medications as they typed them, and who signed consent.
FINISHED_INTAKES = {
    "patient2@example.com": ["Xanax 0.5mg", "Nardil 15mg"],
    "patient3@example.com": ["Advil"],
}
SIGNED_CONSENT = ["patient3@example.com"]


@transaction.atomic
def seed_demo(*, stdout) -> None:
    riverside = Location.objects.get(slug="riverside")
    for email, medications in FINISHED_INTAKES.items():
        patient = patient_for_user(user=get_user_model().objects.get(email=email))
        if patient.intake_completed_at is not None:
            stdout.write(f"Kept the intake of {email}")
            continue
        patient.preferred_location = riverside
        patient.date_of_birth = date(1984, 5, 17)
        patient.takes_no_medications = False
        for position, line in enumerate(medications):
            name, _, dose = line.partition(" ")
            Medication.objects.create(patient=patient, name=name, dose=dose, position=position)
        patient.intake_steps_done = [step.slug for step in steps.STEPS]
        patient.intake_completed_at = timezone.now()
        patient.save()
        stdout.write(f"{email}: intake finished")
    document = ConsentDocument.objects.current()
    for email in SIGNED_CONSENT:
        patient = patient_for_user(user=get_user_model().objects.get(email=email))
        if consent_latest_for_patient(patient) is not None:
            continue
        consent_sign(
            patient=patient,
            document=document,
            typed_name=patient.legal_name,
            acknowledged=[section["key"] for section in document.sections],
            shown_sha256=sha256_hex(consent_html(document)),
        )
        stdout.write(f"{email}: consent signed")
