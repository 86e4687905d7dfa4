"""What the board asks the desk to sort out, from a patient's standing: pure, no database."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from infusions.board.readiness import cautions_for
from infusions.eligibility import Standing
from screening.models import Screening

SUBMITTED = datetime(2027, 5, 3, 9, tzinfo=UTC)


def appointment(status="booked", driver_name="Ann Lee", driver_phone="+12125550100"):
    return SimpleNamespace(
        is_open=status in ("booked", "checked_in", "in_chair", "recovering"),
        driver_name=driver_name,
        driver_phone=driver_phone,
    )


def document(major, minor=0):
    return SimpleNamespace(major=major, minor=minor, version_label=f"{major}.{minor}")


def standing(*, status=Screening.Status.CLEARED, waiting_since=SUBMITTED, signed=1, current=1):
    screening = Screening(status=status, submitted_at=SUBMITTED, waiting_since=waiting_since)
    return Standing(
        intake_finished=True,
        screening=screening,
        current_consent=document(current),
        latest_signature=SimpleNamespace(document=document(signed)) if signed else None,
    )


def codes(cautions):
    return [c.code for c in cautions]


def test_a_ready_patient_with_a_driver_has_nothing_to_sort_out():
    assert cautions_for(appointment(), standing()) == []


def test_a_missing_driver_phone_is_a_caution():
    assert codes(cautions_for(appointment(driver_phone=" "), standing())) == ["driver"]


def test_a_consent_of_an_old_major_version_names_both_versions():
    [caution] = cautions_for(appointment(), standing(signed=1, current=2))

    assert caution.text == "Consent signed for version 1.0; version 2.0 must be signed first."


def test_an_unsigned_consent_says_so():
    [caution] = cautions_for(appointment(), standing(signed=None))

    assert caution.text == "The consent is not signed yet."


def test_a_review_pending_again_after_it_first_joined_the_queue_is_reopened():
    reopened = standing(
        status=Screening.Status.PENDING_REVIEW, waiting_since=SUBMITTED + timedelta(days=2)
    )
    first_time = standing(status=Screening.Status.PENDING_REVIEW)

    assert cautions_for(appointment(), reopened)[0].text.startswith("Screening reopened")
    assert cautions_for(appointment(), first_time)[0].text == (
        "A clinician has not cleared the screening yet."
    )


def test_an_unfinished_intake_is_a_caution():
    unfinished = standing()
    unfinished = Standing(
        False, unfinished.screening, unfinished.current_consent, unfinished.latest_signature
    )

    assert codes(cautions_for(appointment(), unfinished)) == ["intake_finished"]


def test_an_appointment_that_is_over_or_cancelled_has_none():
    for status in ("discharged", "cancelled", "no_show"):
        assert cautions_for(appointment(status, driver_name=""), standing(signed=None)) == []
