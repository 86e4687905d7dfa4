"""The record's rules, without pages: the dose worked out and checked against the plan,
readings refused once signed, the moves through the chair, signing and amendments."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from infusions.models import InfusionRecord
from infusions.record.dose import dose_total_mg
from infusions.record.selectors import record_amendments
from infusions.record.services import (
    record_discharge,
    record_open,
    record_save,
    record_sign,
    record_start,
    record_stop,
    vitals_add,
)

pytestmark = pytest.mark.django_db

READINGS = {"systolic": 128, "diastolic": 82, "heart_rate": 74, "spo2": 98}


def chart_and_sign(record, clinician):
    record_save(
        record,
        by=clinician,
        changes={"weight_kg": Decimal("70.0"), "dose_mg_per_kg": Decimal("0.50")},
    )
    record_start(record, by=clinician)
    vitals_add(record, by=clinician, taken_at=timezone.now(), **READINGS)
    record_stop(record, by=clinician)
    record_save(
        record, by=clinician, changes={"discharge_criteria_met": True, "escort_present": True}
    )
    record_discharge(record, by=clinician)
    return record_sign(record, by=clinician)


@pytest.mark.parametrize(
    ("weight", "dose", "total"),
    [("70.0", "0.50", "35.0"), ("82.5", "0.75", "61.9"), ("55.3", "1.00", "55.3")],
)
def test_the_total_is_weight_times_dose_to_a_tenth(weight, dose, total):
    assert dose_total_mg(Decimal(weight), Decimal(dose)) == Decimal(total)


def test_the_total_waits_for_both_numbers():
    assert dose_total_mg(Decimal("70"), None) is None


def test_a_record_opens_only_once_the_patient_has_arrived(
    cleared, chair, monday, front_desk, clinician
):
    from infusions.booking.services import infusion_book
    from tests.infusions.booking import at

    booked = infusion_book(
        patient=cleared, chair=chair, starts_at=at(monday, 14), booked_by=front_desk
    )

    with pytest.raises(ValidationError, match="once the patient has checked in"):
        record_open(booked, by=clinician)
    assert not InfusionRecord.objects.exists()


def test_saving_works_out_the_total(arrived, clinician):
    record = record_open(arrived, by=clinician)

    record = record_save(
        record,
        by=clinician,
        changes={"weight_kg": Decimal("80.0"), "dose_mg_per_kg": Decimal("0.60")},
    )

    assert record.total_mg == Decimal("48.0")


def test_a_dose_outside_the_plans_range_needs_a_reason(arrived, clinician):
    record = record_open(arrived, by=clinician)
    high = {"weight_kg": Decimal("80.0"), "dose_mg_per_kg": Decimal("1.20")}

    with pytest.raises(ValidationError) as refused:
        record_save(record, by=clinician, changes=high)
    record_save(record, by=clinician, changes=high | {"dose_reason": "Partial response at 1.0"})

    assert "outside the plan's 0.50–1.00 mg/kg" in refused.value.message_dict["dose_reason"][0]
    record.refresh_from_db()
    assert record.dose_mg_per_kg == Decimal("1.20")


def test_the_infusion_cannot_stop_before_the_dose_is_charted(arrived, clinician):
    record = record_open(arrived, by=clinician)
    record_start(record, by=clinician)

    with pytest.raises(ValidationError, match="weight and the dose"):
        record_stop(record, by=clinician)
    arrived.refresh_from_db()
    assert arrived.status == "in_chair"


def test_discharge_needs_the_criteria_and_the_escort(arrived, clinician):
    record = record_open(arrived, by=clinician)
    record_save(
        record, by=clinician, changes={"weight_kg": Decimal("70"), "dose_mg_per_kg": Decimal("0.5")}
    )
    record_start(record, by=clinician)
    record_stop(record, by=clinician)

    with pytest.raises(ValidationError, match="discharge criteria met and the escort home present"):
        record_discharge(record, by=clinician)
    arrived.refresh_from_db()
    assert arrived.status == "recovering"


def test_start_and_stop_are_charted_as_they_happen(arrived, clinician):
    record = record_open(arrived, by=clinician)
    record_save(
        record, by=clinician, changes={"weight_kg": Decimal("70"), "dose_mg_per_kg": Decimal("0.5")}
    )

    record_start(record, by=clinician)
    record_stop(record, by=clinician)

    record.refresh_from_db()
    assert record.started_at <= record.stopped_at <= timezone.now()
    assert list(arrived.status_changes.values_list("to_status", flat=True))[-2:] == [
        "in_chair",
        "recovering",
    ]


def test_signing_needs_a_complete_record_after_discharge(arrived, clinician):
    record = record_open(arrived, by=clinician)

    with pytest.raises(ValidationError, match="once the patient is discharged"):
        record_sign(record, by=clinician)


def test_a_signed_record_takes_no_new_readings_and_changes_only_with_a_reason(arrived, clinician):
    record = chart_and_sign(record_open(arrived, by=clinician), clinician)

    with pytest.raises(ValidationError, match="readings cannot be added"):
        vitals_add(record, by=clinician, taken_at=timezone.now(), **READINGS)
    with pytest.raises(ValidationError) as no_reason:
        record_save(record, by=clinician, changes={"weight_kg": Decimal("72.0")})

    assert "amendment" in no_reason.value.message_dict["reason"][0]
    record.refresh_from_db()
    assert record.weight_kg == Decimal("70.0")


def test_an_amendment_is_kept_beside_the_signed_original(arrived, clinician):
    record = chart_and_sign(record_open(arrived, by=clinician), clinician)

    record_save(
        record,
        by=clinician,
        changes={"weight_kg": Decimal("72.0")},
        reason="Weighed again: the scale was not zeroed.",
    )

    record.refresh_from_db()
    assert record.weight_kg == Decimal("72.0")
    assert record.total_mg == Decimal("36.0")
    [amendment] = record_amendments(record)
    assert amendment.by == clinician
    assert amendment.reason == "Weighed again: the scale was not zeroed."
    assert [(c.label, c.before, c.after) for c in amendment.changes] == [
        ("Weight (kg)", "70.0", "72.0")
    ]
    signed = record.history.get(history_change_reason="Signed")
    assert signed.weight_kg == Decimal("70.0")  # the original, as signed


def test_the_diastolic_must_be_below_the_systolic(arrived, clinician):
    record = record_open(arrived, by=clinician)

    with pytest.raises(ValidationError):
        vitals_add(
            record,
            by=clinician,
            taken_at=timezone.now() - timedelta(minutes=1),
            **(READINGS | {"diastolic": 130}),
        )
    assert not record.vitals.exists()
