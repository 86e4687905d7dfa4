"""A patient who changes their record after a decision is reviewed again."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from patients.intake.forms import HealthForm
from patients.intake.services import intake_save_medications, intake_save_step
from screening import services
from screening.models import Screening, ScreeningFlag
from tests.screening.factories import MedicationFactory, decide, submit
from tests.screening.services.helpers import Outcome, Status, medication_rows, open_flags

pytestmark = pytest.mark.django_db


@pytest.fixture
def cleared_on_xanax(record, clinician):
    """Cleared by a clinician while taking Xanax, with the list saved through the intake."""
    intake_save_medications(
        patient=record, rows=medication_rows(("Xanax", "0.5mg")), takes_no_medications=False
    )
    screening = submit(record)
    Screening.objects.filter(pk=screening.pk).update(
        waiting_since=timezone.now() - timedelta(days=1)
    )
    return decide(screening, clinician, Outcome.CLEARED)


def test_a_medication_added_after_the_decision_reopens_the_review(
    record, clinician, cleared_on_xanax
):
    cleared_at = cleared_on_xanax.decisions.get().decided_at

    intake_save_medications(
        patient=record,
        rows=medication_rows(("Xanax", "0.5mg"), ("Nardil", "15mg")),
        takes_no_medications=False,
    )

    screening = Screening.objects.get()
    assert screening.status == Status.PENDING_REVIEW
    assert screening.waiting_since > cleared_at
    assert screening.priority == 1
    assert screening.medications == ["Xanax 0.5mg", "Nardil 15mg"]
    reopened = screening.decisions.last()
    assert reopened.outcome == Outcome.REOPENED
    assert reopened.decided_by is None
    assert "medications" in reopened.note
    assert open_flags(screening) == {
        ("benzodiazepine", "reduced_effectiveness"),
        ("maoi", "absolute"),
    }
    # The unchanged benzodiazepine flag is the same row, not a copy.
    assert screening.flags.count() == 2
    assert list(Screening.objects.review_queue()) == [screening]


def test_a_replaced_medication_supersedes_its_flag_and_keeps_it_on_record(record, cleared_on_xanax):
    benzodiazepine = cleared_on_xanax.flags.get()

    intake_save_medications(
        patient=record, rows=medication_rows(("Nardil", "15mg")), takes_no_medications=False
    )

    benzodiazepine.refresh_from_db()
    assert benzodiazepine.superseded_at is not None
    assert ScreeningFlag.objects.filter(pk=benzodiazepine.pk).exists()
    assert open_flags(cleared_on_xanax) == {("maoi", "absolute")}


def test_a_reopened_review_with_a_new_mao_inhibitor_needs_an_override_to_clear(
    record, clinician, cleared_on_xanax
):
    intake_save_medications(
        patient=record, rows=medication_rows(("Nardil", "15mg")), takes_no_medications=False
    )

    with pytest.raises(ValidationError) as refused:
        decide(cleared_on_xanax, clinician, Outcome.CLEARED)

    assert "override_reason" in refused.value.message_dict


def test_an_absolute_flag_still_needs_an_override_after_the_patient_deletes_its_line(
    record, clinician
):
    MedicationFactory(patient=record, name="Nardil")
    screening = submit(record)

    intake_save_medications(
        patient=record, rows=medication_rows(("Ibuprofen", "200mg")), takes_no_medications=False
    )

    with pytest.raises(ValidationError) as refusal:
        decide(screening, clinician, Outcome.CLEARED)
    assert "override_reason" in refusal.value.message_dict
    cleared = decide(
        screening, clinician, Outcome.CLEARED, override_reason="Stopped Nardil 3 weeks ago."
    )
    assert cleared.status == Status.CLEARED


def test_a_decision_on_flags_the_clinician_never_saw_is_refused(record, clinician):
    screening = submit(record)
    seen = services.flags_fingerprint(screening)
    intake_save_medications(
        patient=record, rows=medication_rows(("Zzqxil", "5mg")), takes_no_medications=False
    )

    with pytest.raises(ValidationError, match="flags have changed"):
        services.screening_decide(
            screening=screening,
            clinician=clinician,
            outcome=Outcome.CLEARED,
            note="Looks fine.",
            flags_seen=seen,
        )
    assert Screening.objects.get().status == Status.PENDING_REVIEW


def test_the_same_medication_list_sent_again_does_not_reopen_the_review(record, cleared_on_xanax):
    flags_before = list(cleared_on_xanax.flags.values())

    intake_save_medications(
        patient=record, rows=medication_rows(("Xanax", "0.5mg")), takes_no_medications=False
    )

    screening = Screening.objects.get()
    assert screening.status == Status.CLEARED
    assert screening.decisions.count() == 1
    assert list(screening.flags.values()) == flags_before


def test_a_changed_intake_step_reopens_the_review(record, cleared_on_xanax):
    form = HealthForm(
        data={"medical_history": "Glaucoma diagnosed last month.", "allergies": "None known."},
        instance=record,
    )
    assert form.is_valid(), form.errors

    intake_save_step(patient=record, slug="health", form=form)

    screening = Screening.objects.get()
    assert screening.status == Status.PENDING_REVIEW
    reopened = screening.decisions.last()
    assert reopened.outcome == Outcome.REOPENED
    assert reopened.decided_by is None
    assert "health history" in reopened.note


def test_an_intake_step_saved_unchanged_does_not_reopen_the_review(record, cleared_on_xanax):
    form = HealthForm(
        data={"medical_history": record.medical_history, "allergies": record.allergies},
        instance=record,
    )
    assert form.is_valid(), form.errors

    intake_save_step(patient=record, slug="health", form=form)

    screening = Screening.objects.get()
    assert screening.status == Status.CLEARED
    assert screening.decisions.count() == 1


def test_a_change_before_any_decision_updates_the_flags_without_a_reopening(record):
    screening = submit(record)

    intake_save_medications(
        patient=record, rows=medication_rows(("Parnate", "10mg")), takes_no_medications=False
    )

    screening.refresh_from_db()
    assert screening.status == Status.PENDING_REVIEW
    assert not screening.decisions.exists()
    assert open_flags(screening) == {("maoi", "absolute")}
    assert screening.priority == 1


def test_a_question_to_the_patient_stays_open_when_they_change_their_medications(record, clinician):
    screening = decide(
        submit(record), clinician, Outcome.INFO_REQUESTED, question_for_patient="Any others?"
    )

    intake_save_medications(
        patient=record, rows=medication_rows(("Klonopin", "1mg")), takes_no_medications=False
    )

    screening.refresh_from_db()
    assert screening.status == Status.INFO_REQUESTED
    assert open_flags(screening) == {("benzodiazepine", "reduced_effectiveness")}


def test_changing_the_medications_before_any_screening_makes_none(record):
    intake_save_medications(
        patient=record, rows=medication_rows(("Nardil", "15mg")), takes_no_medications=False
    )

    assert not Screening.objects.exists()
