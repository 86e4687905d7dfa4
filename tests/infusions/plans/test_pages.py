"""The plan pages at work: setting a plan, the proposal booked all or none, the patient's page."""

from datetime import date, time, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from infusions.booking.services import infusion_book
from infusions.models import InfusionAppointment, TreatmentPlan
from infusions.models.appointments import Status
from tests.access import REDIRECT
from tests.infusions.booking import MONDAY, at, local_day
from tests.infusions.plans.pages import book_all_post

pytestmark = pytest.mark.django_db


def plan_post(location, initial_type, **changes):
    data = {
        "location": location.pk,
        "initial_type": initial_type.pk,
        "initial_count": "6",
        "initial_span_days": "14",
        "allowed_weekdays": ["0", "1", "2", "3", "4"],
        "min_gap_hours": "24",
    }
    data.update(changes)
    return data


# Setting a plan ------------------------------------------------------------------------------


def test_the_plan_sets_the_dose_range_the_chart_checks(client_as, cleared, location, initial_type):
    url = reverse("infusions:plan_edit", args=[cleared.pk])
    client = client_as("clinician")

    refused = client.post(
        url, plan_post(location, initial_type, dose_min_mg_per_kg="0.8", dose_max_mg_per_kg="0.6")
    )
    client.post(
        url, plan_post(location, initial_type, dose_min_mg_per_kg="0.4", dose_max_mg_per_kg="0.8")
    )

    assert refused.status_code == 400
    assert "The highest dose must be at least the lowest." in refused.text
    assert 'value="0.6"' in refused.text
    plan = TreatmentPlan.objects.get()
    assert (str(plan.dose_min_mg_per_kg), str(plan.dose_max_mg_per_kg)) == ("0.40", "0.80")


def test_a_clinician_sets_a_plan_from_the_form(
    client_as, cleared, location, initial_type, maintenance_type, clinician
):
    url = reverse("infusions:plan_edit", args=[cleared.pk])
    data = plan_post(
        location,
        initial_type,
        allowed_weekdays=["0", "2", "4"],
        maintenance_type=maintenance_type.pk,
        maintenance_interval_weeks="4",
        maintenance_count="2",
        preferred_weekdays=["2"],
        preferred_earliest="13:00",
        preferred_latest="15:30",
    )

    response = client_as("clinician").post(url, data)

    assert response.status_code == REDIRECT
    assert response["Location"] == reverse("infusions:plan_detail", args=[cleared.pk])
    plan = TreatmentPlan.objects.get()
    assert plan.allowed_weekdays == "024"
    assert plan.preferred_weekdays == "2"
    assert (plan.preferred_earliest, plan.preferred_latest) == (time(13), time(15, 30))
    assert (plan.maintenance_type, plan.maintenance_interval_weeks) == (maintenance_type, 4)
    assert plan.created_by == clinician


def test_the_form_shows_each_error_by_its_field_and_keeps_what_was_typed(
    client_as, cleared, location, initial_type
):
    url = reverse("infusions:plan_edit", args=[cleared.pk])
    data = plan_post(
        location, initial_type, initial_count="40", allowed_weekdays=[], preferred_latest="25:99"
    )

    response = client_as("clinician").post(url, data)

    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors == {
        "initial_count": ["Enter a whole number from 1 to 12."],
        "allowed_weekdays": ["Pick at least one day."],
        "preferred_latest": ["Enter a time like 15:30."],
    }
    assert 'value="40"' in response.text
    assert 'value="25:99"' in response.text
    assert not TreatmentPlan.objects.exists()


def test_the_services_refusal_is_shown_by_its_field(
    client_as, cleared, location, initial_type, maintenance_type
):
    url = reverse("infusions:plan_edit", args=[cleared.pk])
    data = plan_post(location, initial_type, maintenance_type=maintenance_type.pk)

    response = client_as("clinician").post(url, data)

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "maintenance_interval_weeks": ["Say how many weeks apart the maintenance infusions are."]
    }
    assert 'value="6"' in response.text  # the count typed stays


def test_a_patient_not_cleared_gets_the_reasons_and_no_form(
    client_as, screened, location, initial_type
):
    pending = screened()
    url = reverse("infusions:plan_edit", args=[pending.pk])

    shown = client_as("clinician").get(url)
    posted = client_as("clinician").post(url, plan_post(location, initial_type))

    assert "A clinician has not cleared the screening yet." in shown.text
    assert "Save the plan" not in shown.text
    assert posted.status_code == 400
    assert not TreatmentPlan.objects.exists()


def test_the_form_opens_with_the_current_plan(client_as, plan):
    response = client_as("clinician").get(reverse("infusions:plan_edit", args=[plan.patient.pk]))

    form = response.context["form"]
    assert form["maintenance_interval_weeks"].value() == 4
    assert "ends the current one" in response.text


# The plan and its progress -------------------------------------------------------------------


def test_the_plan_shows_its_progress_and_appointments_in_local_time(
    client_as, plan, chair, front_desk
):
    monday = local_day(MONDAY)
    appointment = infusion_book(
        patient=plan.patient,
        chair=chair,
        starts_at=at(monday, 10),
        booked_by=front_desk,
        plan=plan,
    )
    InfusionAppointment.objects.filter(pk=appointment.pk).update(status=Status.DISCHARGED)
    infusion_book(
        patient=plan.patient,
        chair=chair,
        starts_at=at(monday + timedelta(days=2), 14, 30),
        booked_by=front_desk,
        plan=plan,
    )

    response = client_as("front_desk").get(reverse("infusions:plan_detail", args=[plan.patient.pk]))

    progress = response.context["progress"]
    assert (progress.done, progress.booked, progress.remaining) == (1, 1, 7)
    assert "1 of 9 infusions given, 1 booked and 7 still to book." in response.text
    assert f"{monday:%a %b %-d, %Y}, 10:00 AM" in response.text
    assert "2:30 PM" in response.text
    assert "Discharged" in response.text
    assert "Propose times" in response.text


def test_a_patient_without_a_plan_has_a_link_to_set_one_for_clinicians(client_as, cleared):
    response = client_as("clinician").get(reverse("infusions:plan_detail", args=[cleared.pk]))

    assert "No treatment plan is set" in response.text
    assert reverse("infusions:plan_edit", args=[cleared.pk]) in response.text


# Proposing and booking -----------------------------------------------------------------------


def propose(client, plan, first_day):
    url = reverse("infusions:plan_propose", args=[plan.patient.pk])
    return client.get(url, {"first_day": first_day.isoformat()})


def test_the_desk_books_a_whole_proposal(client_as, plan, chair, front_desk):
    monday = local_day(MONDAY)
    client = client_as("front_desk")
    shown = propose(client, plan, monday)

    response = client.post(
        shown.request["PATH_INFO"], book_all_post(shown.context["formset"], monday)
    )

    assert response.status_code == REDIRECT
    assert response["Location"] == reverse("infusions:plan_detail", args=[plan.patient.pk])
    booked = list(plan.appointments.order_by("starts_at"))
    assert len(booked) == 9
    assert booked[0].starts_at == at(monday, 9)
    assert all(a.booked_by == front_desk for a in booked)


def test_the_desk_changes_one_line_before_booking(client_as, plan, other_chair):
    monday = local_day(MONDAY)
    client = client_as("front_desk")
    shown = propose(client, plan, monday)
    data = book_all_post(
        shown.context["formset"],
        monday,
        **{"line-0-time": "11:30", "line-0-chair": str(other_chair.pk), "line-8-include": None},
    )

    client.post(shown.request["PATH_INFO"], data)

    booked = list(plan.appointments.order_by("starts_at"))
    assert len(booked) == 8
    assert (booked[0].starts_at, booked[0].chair) == (at(monday, 11, 30), other_chair)


def test_one_date_that_cannot_be_kept_books_nothing_and_is_named_with_free_times(
    client_as, plan, chair, other_chair, front_desk
):
    monday = local_day(MONDAY)
    client = client_as("front_desk")
    shown = propose(client, plan, monday)
    wednesday = monday + timedelta(days=2)
    infusion_book(
        patient=plan.patient, chair=other_chair, starts_at=at(wednesday, 15), booked_by=front_desk
    )

    response = client.post(
        shown.request["PATH_INFO"], book_all_post(shown.context["formset"], monday)
    )

    assert response.status_code == 400
    assert not plan.appointments.exists()
    line = response.context["formset"].forms[1]
    [message] = line.errors["time"]
    assert message.startswith(f"{wednesday:%A, %B %-d} at 9:00 AM could not be kept:")
    assert "already has an infusion that day" in message
    assert line.alternatives_shown
    assert f"{wednesday:%A, %B %-d} at 9:00 AM" in response.text

    # The desk picks the first free time offered, and everything books.
    [_, (token, _label), *_] = line.fields["alternative"].choices
    data = book_all_post(response.context["formset"], monday, **{"line-1-alternative": token})
    booked = client.post(shown.request["PATH_INFO"], data)

    assert booked.status_code == REDIRECT
    assert plan.appointments.count() == 9


def test_a_ticked_line_without_a_time_is_refused_by_its_field_keeping_the_day(client_as, plan):
    monday = local_day(MONDAY)
    client = client_as("front_desk")
    shown = propose(client, plan, monday)
    data = book_all_post(shown.context["formset"], monday, **{"line-2-time": ""})

    response = client.post(shown.request["PATH_INFO"], data)

    assert response.status_code == 400
    line = response.context["formset"].forms[2]
    assert line.errors == {
        "time": ["Choose a time, pick a free time below, or leave this one out."]
    }
    assert f'value="{(monday + timedelta(days=4)).isoformat()}"' in response.text
    assert not InfusionAppointment.objects.exists()


def test_a_first_day_in_the_past_is_refused_by_its_field(client_as, plan):
    response = propose(client_as("front_desk"), plan, local_day(MONDAY) - timedelta(days=30))

    assert response.status_code == 400
    assert response.context["day_form"].errors == {"first_day": ["Choose today or a later day."]}
    assert "Book all" not in response.text


def test_a_plan_with_nothing_left_to_book_proposes_nothing(client_as, plan, chair, front_desk):
    client = client_as("front_desk")
    monday = local_day(MONDAY)
    shown = propose(client, plan, monday)
    client.post(shown.request["PATH_INFO"], book_all_post(shown.context["formset"], monday))

    response = propose(client, plan, monday)

    assert "Every infusion of this plan is given or booked." in response.text
    assert "Book all" not in response.text


# The patient's page --------------------------------------------------------------------------


def test_the_patient_books_their_proposal_with_one_click(client_as, plan, patient):
    client = client_as("patient")
    shown = client.get(reverse("infusions:my_plan"))
    proposal = shown.context["proposal"]
    assert len(proposal) == 9 and all(p.kept for p in proposal)

    response = client.post(
        reverse("infusions:my_plan"), {"proposal": shown.context["proposal_token"]}
    )

    assert response.status_code == REDIRECT
    booked = list(plan.appointments.order_by("starts_at"))
    assert [a.starts_at for a in booked] == [p.time.starts_at for p in proposal]
    assert all(a.booked_by == patient for a in booked)
    after = client.get(reverse("infusions:my_plan"))
    assert "Book these times" not in after.text
    assert after.context["progress"].booked == 9


@pytest.fixture
def on_a_monday_morning():
    """The clock at 8:00 on a Monday in New York, before the plan is made: the series' first
    day then has days around it to move to (on a Friday it has none: the weekend is closed)."""
    with time_machine.travel(at(date(2027, 1, 11), 8), tick=True):
        yield


def test_a_patients_times_taken_meanwhile_book_nothing_and_new_ones_are_shown(
    on_a_monday_morning, client_as, plan, chair, other_chair, front_desk
):
    client = client_as("patient")
    shown = client.get(reverse("infusions:my_plan"))
    first = shown.context["proposal"][0].time
    # The desk books the patient that very day at another time, outside the plan: three hours
    # later, or earlier when later would run past closing.
    for hours in (3, -3):
        try:
            infusion_book(
                patient=plan.patient,
                chair=other_chair,
                starts_at=first.starts_at + timedelta(hours=hours),
                booked_by=front_desk,
            )
            break
        except ValidationError:
            continue
    else:
        raise AssertionError("the desk found no other time that day")

    response = client.post(
        reverse("infusions:my_plan"), {"proposal": shown.context["proposal_token"]}
    )

    assert response.status_code == 400
    assert not plan.appointments.exists()
    assert "Nothing was booked" in response.text
    assert response.context["proposal"][0].time.local.date() != first.local.date()


def test_a_forged_proposal_books_nothing(client_as, plan):
    response = client_as("patient").post(reverse("infusions:my_plan"), {"proposal": "forged"})

    assert response.status_code == 400
    assert not InfusionAppointment.objects.exists()
