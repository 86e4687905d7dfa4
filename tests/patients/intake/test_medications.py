"""The medication list: said in full, rows or an explicit none, saved once, history kept."""

import html
import re

import pytest
from django.urls import reverse

from patients.models import Medication
from tests.patients.intake.helpers import (
    SERTRALINE,
    XANAX,
    field_errors,
    input_value,
    medications,
    step_url,
    the_patient,
)

pytestmark = pytest.mark.django_db


def answer_error(page):
    match = re.search(r'id="medications-error">(.*?)</div>', page, re.S)
    return html.unescape(match.group(1)) if match else None


def test_an_empty_list_is_not_taken_as_no_medications(as_patient, patient):
    response = as_patient.post(step_url("medications"), medications({}, {}, {}, initial=3))

    assert response.status_code == 200
    assert answer_error(response.text).startswith(
        "List every medication you take, including over-the-counter ones and supplements, "
        "or tick “I take no medications”."
    )
    saved = the_patient(patient)
    assert saved.takes_no_medications is None
    assert "medications" not in saved.intake_steps_done


def test_rows_and_no_medications_ticked_together_are_refused(as_patient, patient):
    response = as_patient.post(step_url("medications"), medications(SERTRALINE, none_ticked=True))

    assert response.status_code == 200
    assert "ticked “I take no medications”" in answer_error(response.text)
    assert input_value(response.text, "med-0-name") == "Sertraline"
    assert not Medication.objects.exists()


def test_ticking_no_medications_is_an_answer(as_patient, patient):
    response = as_patient.post(step_url("medications"), medications({}, none_ticked=True))

    assert response.status_code == 302
    saved = the_patient(patient)
    assert saved.takes_no_medications is True
    assert not saved.medications.exists()
    assert "None, as you told us" in as_patient.get(reverse("patients:intake_review")).text


def test_a_medication_is_kept_exactly_as_typed(as_patient, patient):
    response = as_patient.post(step_url("medications"), medications(XANAX, {}, initial=2))

    assert response.status_code == 302
    [row] = the_patient(patient).medications.all()
    assert row.name == "Xanax .5mg"
    assert row.dose == ""
    assert the_patient(patient).takes_no_medications is False


def test_a_dose_without_a_name_is_explained_beside_the_row(as_patient, patient):
    response = as_patient.post(step_url("medications"), medications(SERTRALINE, {"dose": "10 mg"}))

    assert field_errors(response.text, "med-1-name") == [
        "Write the medication's name, as on the label."
    ]
    assert input_value(response.text, "med-1-dose") == "10 mg"
    assert not Medication.objects.exists()


def management_form(page):
    return {
        f"med-{key}": input_value(page, f"med-{key}")
        for key in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")
    }


def rows_typed(*rows):
    return {f"med-{i}-{key}": value for i, row in enumerate(rows) for key, value in row.items()}


def test_the_same_list_sent_twice_is_saved_once(as_patient, patient):
    page = as_patient.get(step_url("medications")).text
    assert input_value(page, "med-TOTAL_FORMS") == "3"  # three empty rows to start with
    data = {**management_form(page), **rows_typed(SERTRALINE, XANAX)}

    first = as_patient.post(step_url("medications"), data)
    second = as_patient.post(step_url("medications"), data)  # a double-click

    assert first.status_code == second.status_code == 302
    names = list(the_patient(patient).medications.values_list("name", flat=True))
    assert names == ["Sertraline", "Xanax .5mg"]


def test_a_double_click_after_adding_a_row_keeps_every_row(as_patient, patient):
    ibuprofen = {"name": "Ibuprofen", "dose": "200 mg"}
    vitamin_d = {"name": "Vitamin D", "dose": "1000 IU"}
    page = as_patient.get(step_url("medications")).text
    typed = rows_typed(SERTRALINE, XANAX, ibuprofen)
    page = as_patient.post(
        step_url("medications"), {**management_form(page), **typed, "add_row": "1"}
    ).text
    data = {**management_form(page), **rows_typed(SERTRALINE, XANAX, ibuprofen, vitamin_d)}
    assert data["med-TOTAL_FORMS"] == "4"

    first = as_patient.post(step_url("medications"), data)
    assert first.status_code == 302
    assert the_patient(patient).medications.count() == 4
    second = as_patient.post(step_url("medications"), data)  # a double-click

    assert second.status_code == 302
    names = list(the_patient(patient).medications.values_list("name", flat=True))
    assert names == ["Sertraline", "Xanax .5mg", "Ibuprofen", "Vitamin D"]


def test_editing_the_list_keeps_unchanged_rows_and_the_history_of_the_others(as_patient, patient):
    as_patient.post(step_url("medications"), medications(SERTRALINE, XANAX))
    sertraline = Medication.objects.get(name="Sertraline")
    xanax = Medication.objects.get(name="Xanax .5mg")

    page = as_patient.get(step_url("medications")).text
    assert input_value(page, "med-0-name") == "Sertraline"
    assert input_value(page, "med-1-name") == "Xanax .5mg"
    page = as_patient.post(
        step_url("medications"),
        {**management_form(page), **rows_typed(SERTRALINE, XANAX), "add_row": "1"},
    ).text
    response = as_patient.post(
        step_url("medications"),
        {
            **management_form(page),
            **rows_typed(
                SERTRALINE,
                {**XANAX, "DELETE": "on"},
                {"name": "Ibuprofen", "dose": "200 mg", "frequency": "when needed"},
            ),
        },
    )

    assert response.status_code == 302
    saved = the_patient(patient)
    rows = list(saved.medications.all())
    assert [m.name for m in rows] == ["Sertraline", "Ibuprofen"]
    assert rows[0].pk == sertraline.pk  # untouched, not deleted and made again
    assert sertraline.history.count() == 1
    assert not Medication.objects.filter(pk=xanax.pk).exists()
    assert Medication.history.filter(id=xanax.pk).first().history_type == "-"  # deleted
    assert Medication.history.filter(name="Ibuprofen", history_type="+").exists()
    reasons = list(saved.history.values_list("history_change_reason", flat=True))
    assert reasons.count("Intake: Medications") == 2


def test_adding_a_row_keeps_the_rows_typed_and_saves_nothing(as_patient, patient):
    response = as_patient.post(
        step_url("medications"), {**medications(SERTRALINE, XANAX), "add_row": "1"}
    )

    assert response.status_code == 200
    page = response.text
    assert input_value(page, "med-TOTAL_FORMS") == "3"
    assert input_value(page, "med-0-name") == "Sertraline"
    assert input_value(page, "med-0-dose") == "50 mg"
    assert input_value(page, "med-1-name") == "Xanax .5mg"
    assert input_value(page, "med-2-name") == ""
    assert answer_error(page) is None
    assert not Medication.objects.exists()
    assert "medications" not in the_patient(patient).intake_steps_done
