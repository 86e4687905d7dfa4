"""The chart's pages: who may open and write them, the access log, refused input kept with
its message by the field, out-of-bounds readings marked, and the patient's visit summary."""

from decimal import Decimal

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from clinic.audit.models import AccessEvent
from infusions.models import InfusionRecord
from infusions.record.services import (
    record_discharge,
    record_open,
    record_save,
    record_sign,
    record_start,
    record_stop,
    vitals_add,
)
from tests.access import TO_LOGIN, assert_responds, matrix

pytestmark = pytest.mark.django_db

CHART_PAGE = matrix(clinician=200)
CHART_POST = matrix(clinician=302)


def url(name, appointment):
    return reverse(f"infusions:{name}", args=[appointment.pk])


def given_and_signed(appointment, clinician):
    record = record_open(appointment, by=clinician)
    record_save(
        record,
        by=clinician,
        changes={"weight_kg": Decimal("70.0"), "dose_mg_per_kg": Decimal("0.50")},
    )
    record_start(record, by=clinician)
    vitals_add(
        record,
        by=clinician,
        taken_at=timezone.now(),
        systolic=128,
        diastolic=82,
        heart_rate=74,
        spo2=98,
    )
    record_stop(record, by=clinician)
    record_save(
        record, by=clinician, changes={"discharge_criteria_met": True, "escort_present": True}
    )
    record_discharge(record, by=clinician)
    return record_sign(record, by=clinician)


@pytest.mark.parametrize(("persona", "expected"), CHART_PAGE.items())
def test_only_clinicians_open_the_chart(client_as, arrived, persona, expected):
    page = url("record", arrived)

    response = client_as(persona).get(page)

    assert_responds(response, page, expected)
    opened = AccessEvent.objects.filter(patient=arrived.patient, record__contains="infusion record")
    assert opened.exists() == (expected == 200)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("record", {"weight_kg": "70", "dose_mg_per_kg": "0.5"}),
        (
            "record_vitals",
            {
                "taken_clock": "09:45",
                "systolic": "120",
                "diastolic": "80",
                "heart_rate": "70",
                "spo2": "98",
            },
        ),
        ("record_step", {"to_status": "in_chair"}),
    ],
)
@pytest.mark.parametrize(("persona", "expected"), CHART_POST.items())
def test_only_clinicians_write_the_chart(client_as, arrived, name, data, persona, expected):
    page = url(name, arrived)

    response = client_as(persona).post(page, data)

    assert_responds(response, page, expected)
    written = InfusionRecord.objects.filter(appointment=arrived).exists()
    assert written == (expected == 302)


def test_the_desk_sees_the_status_on_the_board_never_the_chart(client_as, arrived, clinician):
    given_and_signed(arrived, clinician)

    page = client_as("front_desk").get(url("board_appointment", arrived)).text

    assert "Discharged" in page
    assert url("record", arrived) not in page
    for clinical in ("mg/kg", "Dose check", "Vital signs", "mmHg"):
        assert clinical not in page


def test_the_clinician_charts_and_sees_the_dose_worked_out(client_as, arrived):
    client = client_as("clinician")

    response = client.post(
        url("record", arrived), {"weight_kg": "80", "dose_mg_per_kg": "0.6"}, follow=True
    )

    assert "The record is saved." in response.text
    assert "80.0 kg × 0.60 mg/kg = <strong>48.0 mg</strong>" in response.text


def test_a_dose_outside_the_plan_is_explained_by_the_reason_field_and_kept(client_as, arrived):
    response = client_as("clinician").post(
        url("record", arrived),
        {"weight_kg": "80", "dose_mg_per_kg": "1.5", "notes": "Tolerated well"},
    )

    assert response.status_code == 400
    reason = response.text[response.text.index('id="div_id_dose_reason"') :]
    assert "outside the plan" in reason[:1500]
    assert 'value="1.5"' in response.text
    assert "Tolerated well" in response.text


def test_a_reading_out_of_bounds_is_marked_in_words(client_as, arrived, clinician):
    client = client_as("clinician")

    client.post(
        url("record_vitals", arrived),
        {
            "taken_clock": "10:05",
            "systolic": "172",
            "diastolic": "96",
            "heart_rate": "88",
            "spo2": "97",
        },
    )
    page = client.get(url("record", arrived)).text

    assert "Out of bounds: Systolic pressure 172 is above 90–160." in page
    assert "Diastolic" not in page.split("Out of bounds:")[-1].split("</td>")[0]


def test_impossible_readings_are_explained_by_their_fields(client_as, arrived):
    response = client_as("clinician").post(
        url("record_vitals", arrived),
        {
            "taken_clock": "",
            "systolic": "120",
            "diastolic": "125",
            "heart_rate": "abc",
            "spo2": "101",
        },
    )

    assert response.status_code == 400
    assert "diastolic pressure must be below the systolic" in response.text
    assert 'value="125"' in response.text
    assert not InfusionRecord.objects.get(appointment=arrived).vitals.exists()


def test_signed_record_shows_the_amendment_beside_the_original(client_as, arrived, clinician):
    given_and_signed(arrived, clinician)
    client = client_as("clinician")
    form = {
        "weight_kg": "72",
        "dose_mg_per_kg": "0.50",
        "discharge_criteria_met": "on",
        "escort_present": "on",
    }

    refused = client.post(url("record", arrived), form)
    amended = client.post(
        url("record", arrived), form | {"reason": "Scale not zeroed"}, follow=True
    )

    assert refused.status_code == 400
    assert "change it as an amendment" in refused.text
    assert "Amendment saved." in amended.text
    assert "Why: Scale not zeroed" in amended.text
    assert "<td>Weight (kg)</td><td>70.0</td><td>72.0</td>" in amended.text


def test_the_patient_reads_their_visit_summary(client_as, arrived, clinician):
    given_and_signed(arrived, clinician)

    page = client_as("patient").get(url("visit_summary", arrived)).text

    assert "35.0 mg in total" in page
    assert arrived.chair.location.phone in page


@override_settings(VISIT_SUMMARY_SHOWS_DOSE=False)
def test_the_clinic_can_leave_the_dose_out_of_the_summary(client_as, arrived, clinician):
    given_and_signed(arrived, clinician)

    page = client_as("patient").get(url("visit_summary", arrived)).text

    assert "A ketamine infusion" in page
    assert "mg in total" not in page
    assert "mg/kg" not in page


def test_another_patient_never_sees_the_summary(client_as, arrived, clinician, other_patient):
    from tests.conftest import log_in

    given_and_signed(arrived, clinician)
    client = client_as("anonymous")
    log_in(client, other_patient)

    assert client.get(url("visit_summary", arrived)).status_code == 404


def test_there_is_no_summary_before_discharge(client_as, arrived):
    assert client_as("patient").get(url("visit_summary", arrived)).status_code == 404


@pytest.mark.parametrize("persona", ["anonymous", "front_desk"])
def test_staff_and_visitors_get_no_patient_summary(client_as, arrived, clinician, persona):
    given_and_signed(arrived, clinician)
    page = url("visit_summary", arrived)

    response = client_as(persona).get(page)

    assert_responds(response, page, TO_LOGIN if persona == "anonymous" else 403)


def test_the_dashboard_links_the_visit_summary(client_as, arrived, clinician):
    given_and_signed(arrived, clinician)

    page = client_as("patient").get(reverse("patients:dashboard")).text

    assert url("visit_summary", arrived) in page
