"""The patient's reply to a clinician's question, and the screening back in the queue."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from screening.models import Screening
from screening.services import screening_reply
from tests.screening.factories import decide, submit
from tests.screening.services.helpers import Outcome, Status

pytestmark = pytest.mark.django_db


def test_the_patients_reply_is_kept_with_the_question_and_the_screening_rejoins_the_queue(
    record, clinician
):
    screening = submit(record, substance_use="yes")
    Screening.objects.filter(pk=screening.pk).update(
        waiting_since=timezone.now() - timedelta(days=3)
    )
    decide(screening, clinician, Outcome.INFO_REQUESTED, question_for_patient="How often?")
    assert list(Screening.objects.review_queue()) == []

    screening_reply(screening=screening, reply="  Once a month, at weekends.  ")

    screening.refresh_from_db()
    question = screening.decisions.get()
    assert question.patient_reply == "Once a month, at weekends."
    assert screening.status == Status.PENDING_REVIEW
    assert screening.waiting_since == question.replied_at
    assert screening.waiting_since > question.decided_at
    assert list(Screening.objects.review_queue()) == [screening]


def test_a_second_question_gets_its_own_reply_and_the_first_reply_is_kept(record, clinician):
    screening = submit(record, substance_use="yes")
    decide(screening, clinician, Outcome.INFO_REQUESTED, question_for_patient="How often?")
    screening_reply(screening=screening, reply="Once a month.")
    decide(screening, clinician, Outcome.INFO_REQUESTED, question_for_patient="Since when?")

    screening_reply(screening=screening, reply="Since last spring.")

    replies = screening.decisions.values_list("question_for_patient", "patient_reply")
    assert list(replies) == [("How often?", "Once a month."), ("Since when?", "Since last spring.")]


def test_a_reply_is_refused_when_no_question_is_open(record):
    screening = submit(record)

    with pytest.raises(ValidationError, match="no open question"):
        screening_reply(screening=screening, reply="Hello?")


def test_an_empty_reply_is_refused(record, clinician):
    screening = decide(
        submit(record), clinician, Outcome.INFO_REQUESTED, question_for_patient="Which dose?"
    )

    with pytest.raises(ValidationError) as refused:
        screening_reply(screening=screening, reply="  ")

    assert list(refused.value.message_dict) == ["reply"]
    screening.refresh_from_db()
    assert screening.status == Status.INFO_REQUESTED
