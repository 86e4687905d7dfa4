"""A cleared patient's home page leads to their treatment plan, once a clinician has set one,
and to the waitlist; a patient not yet cleared is offered neither."""

import pytest
from django.urls import reverse

from infusions.waitlist.services import waitlist_join

pytestmark = pytest.mark.django_db

PLAN = reverse("infusions:my_plan")
WAITLIST = reverse("infusions:my_waitlist")


def test_a_cleared_patient_with_a_plan_is_led_to_it_and_to_the_waitlist(client_as, plan):
    page = client_as("patient").get(reverse("patients:dashboard")).text

    assert f'<a href="{PLAN}">Your treatment plan</a>' in page
    assert f'<a href="{WAITLIST}">Wait for an earlier time</a>' in page


def test_without_a_plan_the_home_page_offers_only_the_waitlist(client_as, cleared):
    page = client_as("patient").get(reverse("patients:dashboard")).text

    assert PLAN not in page
    assert f'<a href="{WAITLIST}">Wait for an earlier time</a>' in page


def test_a_patient_on_the_waitlist_is_led_to_their_place(client_as, cleared, location, plan):
    waitlist_join(
        patient=cleared,
        location=location,
        appointment_type=plan.initial_type,
        preferred_weekdays="",
        earliest=None,
        latest=None,
        added_by=cleared.user,
    )

    page = client_as("patient").get(reverse("patients:dashboard")).text

    assert f'<a href="{WAITLIST}">Your place on the waitlist</a>' in page


def test_a_patient_not_yet_cleared_is_offered_neither(client_as, screened):
    screened()  # answered, waiting for review

    page = client_as("patient").get(reverse("patients:dashboard")).text

    assert PLAN not in page
    assert WAITLIST not in page


# The staff's list of patients ---------------------------------------------------------------


@pytest.mark.parametrize("persona", ["front_desk", "clinician"])
def test_the_staff_patient_list_links_a_cleared_patients_plan(client_as, persona, cleared):
    page = client_as(persona).get(reverse("infusions:staff_patients")).text

    assert reverse("infusions:plan_detail", args=[cleared.pk]) in page


def test_the_staff_patient_list_has_no_plan_link_before_clearance(client_as, screened):
    waiting = screened()

    page = client_as("front_desk").get(reverse("infusions:staff_patients")).text

    assert reverse("infusions:plan_detail", args=[waiting.pk]) not in page
