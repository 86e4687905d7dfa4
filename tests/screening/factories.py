"""Patients, medications and screenings for tests. Faker makes every person.

Screenings are made through the services, never by hand, so a test's screening has the
flags, priority and history the real rules give it.
"""

from datetime import date

import factory
from django.utils import timezone

from clinic.accounts.roles import Role
from patients.models import Medication, Patient
from screening.models import QuestionnaireVersion, Screening
from screening.questions import DEFAULT_QUESTIONS, YES_NO
from screening.services import screening_decide, screening_submit
from tests.factories import UserFactory


class PatientFactory(factory.django.DjangoModelFactory):
    """A patient whose intake is finished, taking the medications given to it."""

    class Meta:
        model = Patient

    user = factory.SubFactory(UserFactory, role=Role.PATIENT)
    legal_first_name = factory.Faker("first_name")
    legal_last_name = factory.Faker("last_name")
    date_of_birth = date(1984, 3, 9)
    phone = "+12125550143"
    medical_history = "Migraine since my twenties."
    allergies = "None known."
    takes_no_medications = False
    intake_completed_at = factory.LazyFunction(timezone.now)


class MedicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Medication

    patient = factory.SubFactory(PatientFactory)
    name = "Ibuprofen"
    dose = ""
    frequency = ""


def calm_answers(**overrides) -> dict:
    """Answers to every shipped question that raise no flag: "no", "not at all", no pain."""
    answers = {q.code: "no" if q.kind == YES_NO else 0 for q in DEFAULT_QUESTIONS}
    return {**answers, **overrides}


def submit(patient, **answers) -> Screening:
    """The patient answers the current questionnaire; unnamed answers raise no flag."""
    return screening_submit(
        patient=patient,
        version=QuestionnaireVersion.objects.current(),
        answers=calm_answers(**answers),
    )


def decide(screening, clinician, outcome, **fields) -> Screening:
    screening_decide(
        screening=screening,
        clinician=clinician,
        outcome=outcome,
        note=fields.pop("note", "Reviewed the answers and the medication list."),
        **fields,
    )
    screening.refresh_from_db()
    return screening
