"""Moving through the intake steps, finishing it, and the history of every change."""

import html
import re
from datetime import date

import pytest
from django.urls import reverse

from patients.intake.steps import STEP_SLUGS
from tests.patients.intake.helpers import (
    ABOUT_YOU,
    all_steps,
    care,
    field_errors,
    step_url,
    the_patient,
    years_ago,
)

pytestmark = pytest.mark.django_db


def test_each_step_saves_and_opens_the_next(as_patient, patient, location):
    steps = all_steps(location)

    for index, slug in enumerate(STEP_SLUGS):
        response = as_patient.post(step_url(slug), steps[slug])

        following = (
            step_url(STEP_SLUGS[index + 1])
            if index + 1 < len(STEP_SLUGS)
            else reverse("patients:intake_review")
        )
        assert response.status_code == 302, field_errors(response.text, "__all__")
        assert response["Location"] == following
        assert the_patient(patient).intake_steps_done == STEP_SLUGS[: index + 1]

    saved = the_patient(patient)
    assert saved.legal_name == "Zephyrine Ashcombe"
    assert saved.date_of_birth == date(1980, 5, 17)
    assert saved.phone == "+18605550142"  # one way of writing it, whatever was typed
    assert saved.escort_phone == "+18605550199"
    assert saved.preferred_location == location
    assert saved.conditions == ["migraine"]
    assert saved.takes_no_medications is True
    assert saved.id_document_expiry == years_ago(-3)
    assert saved.intake_completed_at is None  # saved, not yet finished


def test_save_and_finish_later_goes_to_the_dashboard_which_shows_progress(as_patient, patient):
    response = as_patient.post(step_url("about-you"), {**ABOUT_YOU, "save_and_leave": "1"})
    assert response.status_code == 302

    dashboard = as_patient.get(response["Location"], follow=True)

    assert dashboard.redirect_chain[-1][0] == reverse("patients:dashboard")
    assert "Saved. You can carry on whenever you like" in dashboard.text
    assert 'aria-valuenow="17"' in dashboard.text  # one step of six
    continue_link = re.search(r'<a[^>]*href="([^"]+)"[^>]*>Continue my intake</a>', dashboard.text)
    assert continue_link and continue_link.group(1) == step_url("people")
    assert the_patient(patient).intake_steps_done == ["about-you"]


def test_a_new_patient_is_offered_to_start_and_a_finished_one_to_review(
    as_patient, patient, location
):
    first = as_patient.get(reverse("patients:dashboard")).text
    assert "Start my intake" in first and "Continue my intake" not in first

    for slug, data in all_steps(location).items():
        as_patient.post(step_url(slug), data)
    as_patient.post(reverse("patients:intake_finish"))

    done = as_patient.get(reverse("patients:dashboard")).text
    assert "Complete since" in done
    assert reverse("patients:intake_review") in done


def test_it_refuses_to_finish_before_every_step_is_saved_and_lists_what_is_missing(
    as_patient, patient
):
    as_patient.post(step_url("about-you"), ABOUT_YOU)

    response = as_patient.post(reverse("patients:intake_finish"), follow=True)

    assert response.redirect_chain == [(reverse("patients:intake_review"), 302)]
    assert "Some steps are not saved yet" in response.text
    still_to_do = re.search(r"Still to do:(.*?)</ul>", response.text, re.S).group(1)
    listed = re.findall(r'<a href="([^"]+)">([^<]+)</a>', still_to_do)
    assert [(url, html.unescape(title)) for url, title in listed] == [
        (step_url("people"), "Emergency contact and driver"),
        (step_url("care"), "Your care"),
        (step_url("health"), "Health history"),
        (step_url("medications"), "Medications"),
        (step_url("identity"), "Photo ID"),
    ]
    assert "Finish my intake" not in response.text
    assert the_patient(patient).intake_completed_at is None


def test_finishing_sets_the_completion_time_once(as_patient, patient, location):
    for slug, data in all_steps(location).items():
        as_patient.post(step_url(slug), data)

    response = as_patient.post(reverse("patients:intake_finish"), follow=True)
    finished_at = the_patient(patient).intake_completed_at
    again = as_patient.post(reverse("patients:intake_finish"))

    assert "your intake is complete" in response.text
    assert finished_at is not None
    assert again.status_code == 302
    saved = the_patient(patient)
    assert saved.intake_completed_at == finished_at
    assert saved.history.filter(history_change_reason="Intake finished").count() == 1


def test_finishing_is_only_by_post(as_patient):
    assert as_patient.get(reverse("patients:intake_finish")).status_code == 405


def test_every_intake_change_is_in_the_history_with_who_and_why(as_patient, patient, location):
    as_patient.post(step_url("about-you"), ABOUT_YOU)
    as_patient.post(step_url("about-you"), {**ABOUT_YOU, "phone": "(860) 555-0177"})
    as_patient.post(step_url("care"), care(location))

    history = list(the_patient(patient).history.all())  # newest first

    assert [h.history_change_reason for h in history[:3]] == [
        "Intake: Your care",
        "Intake: About you",
        "Intake: About you",
    ]
    assert [h.phone for h in history[:3]] == ["+18605550177", "+18605550177", "+18605550142"]
    assert all(h.history_user == patient for h in history[:3])
    assert set(history[0].diff_against(history[1]).changed_fields) == {
        "preferred_location",
        "conditions",
        "intake_steps_done",
    }
