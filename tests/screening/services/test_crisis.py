"""A patient in crisis: urgent screenings first in the queue, the on-call clinician alerted."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from clinic.accounts.roles import Role
from screening.models import Screening
from screening.tasks import on_call_addresses
from tests.factories import LocationFactory, UserFactory
from tests.screening.factories import MedicationFactory, PatientFactory, decide, submit
from tests.screening.services.helpers import Outcome, open_flags

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "answers", [{"phq9_9": 1}, {"phq9_9": 3}, {"suicidal_thoughts": "yes"}], ids=str
)
def test_thoughts_of_suicide_make_the_screening_urgent(record, answers):
    screening = submit(record, **answers)

    assert ("suicidal_thoughts", "urgent") in open_flags(screening)
    screening.refresh_from_db()
    assert screening.priority == 0


def test_an_urgent_screening_comes_before_an_older_absolute_one(record, other_patient):
    older_absolute = submit(PatientFactory(user=other_patient), pregnant="yes")
    Screening.objects.filter(pk=older_absolute.pk).update(
        waiting_since=timezone.now() - timedelta(days=2)
    )

    urgent = submit(record, phq9_9=2)

    assert list(Screening.objects.review_queue()) == [urgent, older_absolute]


def test_the_queue_puts_the_gravest_first_and_then_the_longest_waiting(clinician):
    now = timezone.now()

    def waiting(hours, *, medication=None, **answers):
        record = PatientFactory()
        if medication:
            MedicationFactory(patient=record, name=medication)
        made = submit(record, **answers)
        Screening.objects.filter(pk=made.pk).update(waiting_since=now - timedelta(hours=hours))
        return made

    no_flag = waiting(90)
    reduced = waiting(70, medication="Klonopin")
    relative_recent = waiting(1, interstitial_cystitis="yes")
    relative_old = waiting(50, thyroid_untreated="yes")
    absolute = waiting(2, breastfeeding="yes")
    urgent = waiting(0, suicidal_thoughts="yes")
    decide(waiting(100, aneurysm="yes"), clinician, Outcome.DECLINED)
    decide(
        waiting(100, heart_unstable="yes"),
        clinician,
        Outcome.INFO_REQUESTED,
        question_for_patient="Which medicines do you take for it?",
    )

    assert list(Screening.objects.review_queue()) == [
        urgent,
        absolute,
        relative_old,
        relative_recent,
        reduced,
        no_flag,
    ]


def test_the_on_call_clinician_of_the_patients_location_is_the_one_alerted(clinician):
    on_call = UserFactory(role=Role.CLINICIAN)
    location = LocationFactory(on_call_clinician=on_call)

    assert on_call_addresses(location) == [on_call.email]


def test_every_active_clinician_is_alerted_when_nobody_is_on_call(clinician, front_desk):
    second = UserFactory(role=Role.CLINICIAN)
    UserFactory(role=Role.CLINICIAN, is_active=False)
    away = UserFactory(role=Role.CLINICIAN, is_active=False)
    nobody_active_on_call = LocationFactory(on_call_clinician=away)

    assert sorted(on_call_addresses(LocationFactory())) == sorted([clinician.email, second.email])
    assert sorted(on_call_addresses(nobody_active_on_call)) == sorted(
        [clinician.email, second.email]
    )
    assert sorted(on_call_addresses(None)) == sorted([clinician.email, second.email])


def test_an_urgent_screening_sends_one_e_mail_to_the_on_call_clinician(
    patient, clinician, mailoutbox
):
    on_call = UserFactory(role=Role.CLINICIAN, email="on-call@example.com")
    record = PatientFactory(
        user=patient, preferred_location=LocationFactory(on_call_clinician=on_call)
    )

    submit(record, suicidal_thoughts="yes")
    submit(record, suicidal_thoughts="yes")  # sent twice: a double-click

    assert [m.to for m in mailoutbox] == [["on-call@example.com"]]


def test_an_urgent_screening_without_an_on_call_clinician_e_mails_every_clinician(
    patient, clinician, front_desk, mailoutbox
):
    second = UserFactory(role=Role.CLINICIAN)
    UserFactory(role=Role.CLINICIAN, is_active=False)
    record = PatientFactory(user=patient, preferred_location=LocationFactory())

    submit(record, phq9_9=1)

    assert len(mailoutbox) == 1
    assert sorted(mailoutbox[0].to) == sorted([clinician.email, second.email])


def test_the_urgent_e_mail_links_to_the_review_and_leaves_out_who_the_patient_is(
    patient, clinician, mailoutbox
):
    patient.first_name, patient.last_name = "Zeph", "Ashcombe-Vale"
    patient.save()
    record = PatientFactory(
        user=patient,
        legal_first_name="Zephyrine",
        legal_last_name="Ashcombe",
        preferred_name="Zeph",
        phone="+12125550143",
        preferred_location=LocationFactory(),
    )

    screening = submit(record, suicidal_thoughts="yes")

    message = mailoutbox[0]
    review = reverse("screening:review", args=[screening.pk])
    assert f"{settings.SITE_URL.rstrip('/')}{review}" in message.body
    text = f"{message.subject}\n{message.body}"
    for detail in ("Zeph", "Ashcombe", patient.email, "+12125550143", "555-0143"):
        assert detail not in text


def test_a_screening_without_an_urgent_flag_sends_no_e_mail(patient, clinician, mailoutbox):
    record = PatientFactory(user=patient, preferred_location=LocationFactory())

    submit(record, pregnant="yes")

    assert len(mailoutbox) == 0
