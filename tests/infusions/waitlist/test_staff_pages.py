"""The front desk's waitlist pages: the list, adding a patient, taking one off, and offering
a freed chair time to those it fits."""

from datetime import UTC, time, timedelta

import pytest
from django.urls import reverse
from django.utils.http import urlencode

from clinic.outbox.models import Email
from infusions.models import AppointmentType, WaitlistEntry, WaitlistInvite, WaitlistOffer
from tests.infusions.booking import MONDAY, at, local_day
from tests.screening.factories import PatientFactory

pytestmark = pytest.mark.django_db

OFFER_TASK = "infusions.waitlist.tasks.send_waitlist_offer"


@pytest.fixture
def desk(client_as):
    return client_as("front_desk")


def fits_url(chair_pk, starts_at) -> str:
    query = urlencode({"chair": chair_pk, "starts_at": starts_at})
    return f"{reverse('infusions:waitlist_fits')}?{query}"


# The list ---------------------------------------------------------------------------------


def test_the_list_shows_who_waits_where_and_for_which_days_and_times(desk, entry, location):
    page = desk.get(f"{reverse('infusions:waitlist')}?location={location.pk}").text

    assert entry.patient.legal_name in page
    assert "Monday" in page
    assert "Starting 9:00 AM to 11:00 AM" in page
    assert "Initial-series infusion" in page


@pytest.mark.parametrize("asked", ["abc", "999999", "-1", "", "²", "9" * 40])
def test_the_list_shows_every_location_for_a_location_it_does_not_know(desk, entry, asked):
    response = desk.get(f"{reverse('infusions:waitlist')}?location={asked}")

    assert response.status_code == 200
    assert entry.patient.legal_name in response.text


def test_the_list_leaves_out_who_is_no_longer_waiting(desk, entry):
    entry.status = WaitlistEntry.Status.BOOKED
    entry.save()

    page = desk.get(reverse("infusions:waitlist")).text

    assert entry.patient.legal_name not in page
    assert "Nobody is waiting here." in page


# Adding ----------------------------------------------------------------------------------


def add_post(patient, location, **extra):
    kind = AppointmentType.objects.get(kind="initial")
    return {
        "patient": patient.pk,
        "location": location.pk,
        "appointment_type": kind.pk,
        "weekdays": ["0", "2"],
        "earliest": "09:30",
        "latest": "13:00",
        **extra,
    }


def test_the_desk_adds_a_cleared_patient_with_their_days_and_times(
    desk, cleared, location, front_desk
):
    response = desk.post(reverse("infusions:waitlist_add"), add_post(cleared, location))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('infusions:waitlist')}?location={location.pk}"
    entry = WaitlistEntry.objects.get()
    assert (entry.patient, entry.location, entry.added_by) == (cleared, location, front_desk)
    assert entry.preferred_weekdays == "02"
    assert (entry.earliest, entry.latest) == (time(9, 30), time(13))
    assert entry.status == WaitlistEntry.Status.WAITING
    page = desk.get(response["Location"]).text
    assert f"{cleared.legal_name} is on the waitlist for {location.name}." in page


def test_a_refused_form_says_why_by_each_field_and_keeps_what_was_typed(desk, cleared, location):
    data = add_post(cleared, location, weekdays=[], earliest="14:00", latest="10:00")

    response = desk.post(reverse("infusions:waitlist_add"), data)

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "weekdays": ["Tick at least one day."],
        "latest": ["The latest start must be after the earliest start."],
    }
    page = response.text
    assert "Tick at least one day." in page
    assert 'name="earliest" value="14:00"' in page
    assert not WaitlistEntry.objects.exists()


def test_a_patient_not_cleared_cannot_be_added(desk, location, screened):
    waiting_for_review = screened()

    page = desk.get(reverse("infusions:waitlist_add")).text
    response = desk.post(reverse("infusions:waitlist_add"), add_post(waiting_for_review, location))

    assert waiting_for_review.legal_name not in page
    assert response.status_code == 400
    assert response.context["form"].errors["patient"] == ["Choose a patient."]
    assert not WaitlistEntry.objects.exists()


def test_a_patient_waits_once_at_a_location(desk, entry, location):
    response = desk.post(reverse("infusions:waitlist_add"), add_post(entry.patient, location))

    assert response.status_code == 400
    assert response.context["form"].errors["location"] == [
        f"Already on the waitlist for {location.name}."
    ]
    assert WaitlistEntry.objects.count() == 1


# Taking off ------------------------------------------------------------------------------


def test_taking_a_patient_off_twice_says_they_were_no_longer_waiting(desk, entry):
    url = reverse("infusions:waitlist_withdraw", args=[entry.pk])

    desk.post(url)
    response = desk.post(url, follow=True)

    entry.refresh_from_db()
    assert entry.status == WaitlistEntry.Status.WITHDRAWN
    assert "was no longer waiting there." in response.text


def test_taking_off_an_entry_just_booked_leaves_it_booked(desk, entry):
    entry.status = WaitlistEntry.Status.BOOKED
    entry.save()

    desk.post(reverse("infusions:waitlist_withdraw", args=[entry.pk]))

    entry.refresh_from_db()
    assert entry.status == WaitlistEntry.Status.BOOKED


# The freed time --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "No chair was given. Open this page from a free time on the day board."),
        ("?chair=1", "No time was given. Open this page from a free time on the day board."),
        ("?chair=abc&starts_at=2027-03-15T14:00:00Z", "That chair is not taking bookings."),
        ("?chair=999999&starts_at=2027-03-15T14:00:00Z", "That chair is not taking bookings."),
        ("?chair={chair}&starts_at=next+monday", "That time could not be read."),
        ("?chair={chair}&starts_at=2027-03-15T14:00:00", "That time has no time zone."),
        ("?chair={chair}&starts_at=2027-13-45T99:00:00Z", "That time could not be read."),
        ("?chair={chair}&starts_at=9999-12-31T23:00:00-05:00", "That time is too far from"),
        ("?chair={chair}&starts_at=0001-01-01T00:00:00%2B01:00", "That time is too far from"),
    ],
)
def test_a_freed_time_page_without_a_good_chair_and_time_says_so(desk, chair, query, message):
    response = desk.get(reverse("infusions:waitlist_fits") + query.format(chair=chair.pk))

    assert response.status_code == 400
    assert message in response.text
    assert "This page needs a free chair and time from the day board." in response.text


def test_posting_to_a_freed_time_page_without_a_time_changes_nothing(desk, entry):
    response = desk.post(reverse("infusions:waitlist_fits"), {"entries": [entry.pk]})

    assert response.status_code == 400
    assert not WaitlistOffer.objects.exists()


def test_the_freed_time_page_lists_who_it_fits_and_why_not_the_others(
    desk, entry, other_cleared, join, chair, freed
):
    mornings_only = join(other_cleared, weekdays="0", latest=time(9, 30))

    response = desk.get(fits_url(chair.pk, freed.astimezone(UTC).isoformat()))

    page = response.text
    assert response.status_code == 200
    assert f"Chair 1 at Midtown Infusion Center, {freed:%A, %B %-d} at 10:00 AM" in page
    assert f'name="entries" value="{entry.pk}"' in page
    assert f'name="entries" value="{mornings_only.pk}"' not in page
    assert "Waiting here, but not for this time" in page
    assert "Wants to start by 9:30 AM." in page


def test_the_desk_offers_the_time_by_e_mail_to_the_patients_it_ticks(
    desk, entry, other_entry, chair, freed, front_desk, kind
):
    url = fits_url(chair.pk, freed.astimezone(UTC).isoformat().replace("+00:00", "Z"))

    response = desk.post(url, {"entries": [entry.pk, other_entry.pk]})

    assert response.status_code == 302
    offer = WaitlistOffer.objects.get()
    assert (offer.chair, offer.starts_at, offer.appointment_type) == (chair, freed, kind)
    assert offer.made_by == front_desk
    invites = {i.entry_id: i.pk for i in offer.invites.all()}
    assert set(invites) == {entry.pk, other_entry.pk}
    assert sorted(e.kwargs["invite_id"] for e in Email.objects.filter(task=OFFER_TASK)) == sorted(
        invites.values()
    )
    page = desk.get(response["Location"]).text
    assert "The time is offered to 2 patients by e-mail." in page
    assert page.count("Offered this time already") == 2
    assert 'name="entries"' not in page
    assert "Offer the time by e-mail" not in page


def test_the_same_patient_is_not_offered_the_same_time_twice(desk, entry, chair, freed, offer_to):
    offer_to(entry)

    response = desk.post(fits_url(chair.pk, freed.isoformat()), {"entries": [entry.pk]})

    assert response.status_code == 400
    assert WaitlistInvite.objects.count() == 1


def test_offering_the_time_to_nobody_asks_to_tick_someone(desk, entry, chair, freed):
    response = desk.post(fits_url(chair.pk, freed.isoformat()), {})

    assert response.status_code == 400
    assert "Tick at least one patient to offer the time to." in response.text
    assert 'id="entries-error"' in response.text
    assert not WaitlistOffer.objects.exists()


def test_one_offer_is_for_one_kind_of_infusion(desk, entry, other_cleared, join, chair, freed):
    booster = AppointmentType.objects.get(kind="booster")
    waiting_for_booster = join(other_cleared, kind=booster)

    response = desk.post(
        fits_url(chair.pk, freed.isoformat()), {"entries": [entry.pk, waiting_for_booster.pk]}
    )

    assert response.status_code == 400
    assert "Offer the time to patients waiting for one kind of infusion at a time" in (
        response.text
    )
    assert f'value="{entry.pk}" id="entry-{entry.pk}" checked' in response.text
    assert not WaitlistOffer.objects.exists()


def test_a_time_sooner_than_online_notice_is_for_a_phone_call(desk, entry, chair, location, freed):
    location.booking_notice_hours = 24 * 30
    location.save()
    url = fits_url(chair.pk, freed.isoformat())

    page = desk.get(url).text
    response = desk.post(url, {"entries": [entry.pk]})

    assert "Call the patients below and book it for them." in page
    assert entry.patient.legal_name in page
    assert 'name="entries"' not in page
    assert response.status_code == 400
    assert "Call those waiting and book it for them instead." in response.text
    assert not WaitlistOffer.objects.exists()


def test_a_patient_who_no_longer_fits_is_not_offered_the_time(desk, entry, chair, freed):
    entry.status = WaitlistEntry.Status.WITHDRAWN
    entry.save()

    response = desk.post(fits_url(chair.pk, freed.isoformat()), {"entries": [entry.pk]})

    assert response.status_code == 400
    assert not WaitlistOffer.objects.exists()


def test_a_time_whose_plus_sign_was_not_encoded_is_read_all_the_same(desk, entry, chair, freed):
    starts_at = freed.astimezone(UTC).isoformat()
    url = f"{reverse('infusions:waitlist_fits')}?chair={chair.pk}&starts_at={starts_at}"

    response = desk.get(url)

    assert response.status_code == 200
    assert f'name="entries" value="{entry.pk}"' in response.text


def test_the_freed_time_is_shown_in_the_locations_time_on_a_summer_day(
    desk, location, kind, front_desk, chair
):
    waiting = WaitlistEntry.objects.create(
        patient=PatientFactory(), location=location, appointment_type=kind, added_by=front_desk
    )
    summer = at(local_day(MONDAY) + timedelta(weeks=26), 10)

    page = desk.get(fits_url(chair.pk, summer.astimezone(UTC).isoformat())).text

    assert waiting.patient.legal_name in page
    assert f"{summer:%A, %B %-d} at 10:00 AM (Eastern time)" in page
