"""The gate: nobody is booked for an infusion before the intake is finished and a clinician
has cleared the screening, and a change to the record after clearing closes it again."""

import pytest

from infusions.eligibility import infusion_eligibility, infusion_eligibility_for_patients
from patients.intake.services import intake_save_medications
from screening.models import ScreeningDecision
from tests.factories import consent_signed_by
from tests.screening.factories import PatientFactory, decide, submit

pytestmark = pytest.mark.django_db

Outcome = ScreeningDecision.Outcome

NOT_CLEARED = "A clinician has not cleared the screening yet."


def test_a_patient_who_has_not_finished_the_intake_is_not_allowed(patient):
    record = PatientFactory(user=patient, intake_completed_at=None, takes_no_medications=None)

    eligibility = infusion_eligibility(patient=record)

    assert not eligibility.allowed
    assert eligibility.missing == (
        "The intake is not finished.",
        "The safety questions are not answered yet.",
        "The consent is not signed yet.",
    )


def test_a_patient_who_has_not_answered_the_safety_questions_is_not_allowed(record):
    eligibility = infusion_eligibility(patient=record)

    assert not eligibility.allowed
    assert eligibility.missing == ("The safety questions are not answered yet.",)


@pytest.mark.parametrize(
    ("outcome", "reason"),
    [
        (None, NOT_CLEARED),
        (Outcome.INFO_REQUESTED, NOT_CLEARED),
        (Outcome.DECLINED, "A clinician declined the screening."),
    ],
    ids=["pending", "info_requested", "declined"],
)
def test_a_patient_whose_screening_is_not_cleared_is_not_allowed(screened, outcome, reason):
    eligibility = infusion_eligibility(patient=screened(outcome))

    assert not eligibility.allowed
    assert eligibility.missing == (reason,)


@pytest.mark.parametrize("outcome", [Outcome.CLEARED, Outcome.CLEARED_WITH_CONDITIONS])
def test_a_cleared_patient_is_allowed(screened, outcome):
    eligibility = infusion_eligibility(patient=screened(outcome))

    assert eligibility.allowed
    assert eligibility.missing == ()


def test_a_cleared_patient_who_then_changes_their_medications_is_no_longer_allowed(cleared):
    intake_save_medications(
        patient=cleared,
        rows=[{"name": "Nardil", "dose": "15mg"}],
        takes_no_medications=False,
    )

    eligibility = infusion_eligibility(patient=cleared)

    assert not eligibility.allowed
    assert eligibility.missing == (NOT_CLEARED,)


def test_a_cleared_patient_who_sends_the_same_medications_again_stays_allowed(cleared):
    intake_save_medications(patient=cleared, rows=[], takes_no_medications=True)

    assert infusion_eligibility(patient=cleared).allowed


def test_with_no_consent_published_nobody_is_allowed(cleared):
    from patients.models import ConsentDocument

    ConsentDocument.objects.update(published_at=None)

    eligibility = infusion_eligibility(patient=cleared)

    assert eligibility.missing == ("The clinic has not published its consent yet.",)


# Many patients at once (the front desk's lists) -------------------------------------------


def patients_at_every_step(clinician):
    """One patient at each step on the way to an infusion, the last one cleared."""
    unfinished = PatientFactory(intake_completed_at=None, takes_no_medications=None)
    unanswered = PatientFactory()
    pending = PatientFactory()
    submit(pending)
    declined = PatientFactory()
    decide(submit(declined), clinician, Outcome.DECLINED)
    unsigned = PatientFactory()
    decide(submit(unsigned), clinician, Outcome.CLEARED)
    cleared = PatientFactory()
    decide(submit(cleared), clinician, Outcome.CLEARED)
    consent_signed_by(cleared)
    return [unfinished, unanswered, pending, declined, unsigned, cleared]


def test_the_gate_for_many_patients_says_what_it_says_for_each(clinician):
    patients = patients_at_every_step(clinician)

    together = infusion_eligibility_for_patients(patients)

    assert together == {p.pk: infusion_eligibility(patient=p) for p in patients}
    assert [together[p.pk].allowed for p in patients] == [False] * 5 + [True]


def test_the_gate_for_many_patients_costs_the_same_queries_for_two_or_twelve(
    clinician, django_assert_num_queries
):
    patients = patients_at_every_step(clinician)
    two = patients[-2:]
    twelve = patients + patients_at_every_step(clinician)

    with django_assert_num_queries(3):
        infusion_eligibility_for_patients(two)
    with django_assert_num_queries(3):
        infusion_eligibility_for_patients(twelve)
