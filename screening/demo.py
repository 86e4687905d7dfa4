"""The screening app's part of the demo clinic (`manage.py seed_demo`): one patient waiting
for review (MAOI and benzodiazepine flags) and one cleared. Idempotent; never for production."""

from django.contrib.auth import get_user_model
from django.db import transaction

from patients.selectors import patient_for_user

from .models import QuestionnaireVersion
from .services import screening_decide, screening_submit

# Whose safety questions are answered, and who cleared them (None: still waiting).
ANSWERED = {
    "patient2@example.com": None,
    "patient3@example.com": "clinician@example.com",
}


@transaction.atomic
def seed_demo(*, stdout) -> None:
    users = get_user_model().objects
    for email, cleared_by in ANSWERED.items():
        patient = patient_for_user(user=users.get(email=email))
        if patient.screenings.exists():
            stdout.write(f"Kept the screening of {email}")
            continue
        version = QuestionnaireVersion.objects.current()
        answers = {
            q.code: "no" if q.kind == q.Kind.YES_NO else 1 for q in version.questions.all()
        } | {"phq9_9": 0, "pain_score": 6}
        screening = screening_submit(patient=patient, version=version, answers=answers)
        if cleared_by is None:
            stdout.write(f"{email}: safety questions answered, waiting for review")
            continue
        screening_decide(
            screening=screening,
            clinician=users.get(email=cleared_by),
            outcome="cleared",
            note="Demo: nothing in the answers or medications stands against infusions.",
        )
        stdout.write(f"{email}: cleared for infusions")
