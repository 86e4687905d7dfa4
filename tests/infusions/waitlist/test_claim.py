"""Taking an offered time through the e-mail's link: the first claim is booked, as the
patient booking online; whoever comes after is told kindly it has gone, and nothing is booked
twice. A link altered, for another patient or past its time opens a clear page, never an
error."""

import html
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from clinic.lib.signed_links import make_token
from clinic.outbox.models import Email
from infusions.booking.services import infusion_book
from infusions.models import InfusionAppointment, WaitlistEntry, WaitlistOffer
from infusions.waitlist.tasks import send_waitlist_offer
from tests.infusions.waitlist.helpers import claim_path, cleared_record

pytestmark = pytest.mark.django_db

TAKEN_TASK = "infusions.waitlist.tasks.send_waitlist_offer_taken"
GONE = "Sorry, this time has gone: another patient took it first."


@pytest.fixture
def offer(entry, other_entry, offer_to):
    return offer_to(entry, other_entry)


def invite_of(offer, entry):
    return offer.invites.get(entry=entry)


def test_the_first_to_take_the_time_is_booked_for_it(
    client_as, offer, entry, other_entry, chair, freed, kind, patient
):
    response = client_as("patient").post(claim_path(invite_of(offer, entry)))

    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"
    appointment = InfusionAppointment.objects.get()
    assert (appointment.patient, appointment.chair, appointment.starts_at) == (
        entry.patient,
        chair,
        freed,
    )
    assert (appointment.appointment_type, appointment.booked_by) == (kind, patient)
    offer.refresh_from_db()
    assert offer.appointment == appointment
    assert offer.claimed_at is not None
    entry.refresh_from_db()
    other_entry.refresh_from_db()
    assert entry.status == WaitlistEntry.Status.BOOKED
    assert other_entry.status == WaitlistEntry.Status.WAITING
    taken = Email.objects.filter(task=TAKEN_TASK)
    assert [e.kwargs for e in taken] == [{"invite_id": invite_of(offer, other_entry).pk}]


def test_the_second_to_claim_is_told_kindly_it_has_gone_and_nothing_is_booked_twice(
    client, client_as, offer, entry, other_entry, other_patient
):
    client_as("patient").post(claim_path(invite_of(offer, entry)))
    client.logout()

    response = client_as("other_patient").post(claim_path(invite_of(offer, other_entry)))

    assert response.status_code == 409
    assert GONE in response.text
    assert "Take this time" not in response.text
    assert InfusionAppointment.objects.count() == 1
    assert InfusionAppointment.objects.get().patient == entry.patient
    other_entry.refresh_from_db()
    assert other_entry.status == WaitlistEntry.Status.WAITING


def test_the_link_shows_it_has_gone_once_taken(client, client_as, offer, entry, other_entry):
    client_as("patient").post(claim_path(invite_of(offer, entry)))
    client.logout()

    response = client_as("other_patient").get(claim_path(invite_of(offer, other_entry)))

    assert response.status_code == 200
    assert GONE in response.text
    assert "Take this time" not in response.text


def test_the_link_shows_the_time_is_yours_once_you_took_it(client_as, offer, entry):
    me = client_as("patient")
    url = claim_path(invite_of(offer, entry))
    me.post(url)

    again = me.post(url)  # a second click
    page = me.get(url).text

    assert again.status_code == 302
    assert InfusionAppointment.objects.count() == 1
    assert "This time is yours." in page
    assert "Take this time" not in page


def test_the_offer_shows_where_and_when_in_the_locations_time(client_as, offer, entry, freed):
    page = client_as("patient").get(claim_path(invite_of(offer, entry))).text

    assert "An earlier time at Midtown Infusion Center" in page
    assert f"{freed:%A, %B %-d} at 10:00 AM (Eastern time)" in page
    assert "Plan for about 75 minutes in the chair" in page
    assert "Take this time" in page


def test_a_claim_the_booking_rules_refuse_says_why_and_takes_nothing(
    client_as, offer, entry, chair, freed, location, clinician, front_desk
):
    someone = cleared_record(location, clinician)
    infusion_book(patient=someone, chair=chair, starts_at=freed, booked_by=front_desk)

    response = client_as("patient").post(claim_path(invite_of(offer, entry)))

    assert response.status_code == 400
    assert "This time could not be booked for you: That chair is taken at that time." in (
        response.text
    )
    offer.refresh_from_db()
    assert offer.claimed_at is None
    assert not entry.patient.infusions.exists()
    assert not Email.objects.filter(task=TAKEN_TASK).exists()


def test_a_claim_is_held_to_the_online_notice(client_as, offer, entry, location):
    location.booking_notice_hours = 24 * 30
    location.save()

    response = client_as("patient").post(claim_path(invite_of(offer, entry)))

    assert response.status_code == 400
    assert "Online bookings need at least 720 hours' notice" in html.unescape(response.text)
    assert not InfusionAppointment.objects.exists()


def test_a_patient_who_left_the_waitlist_cannot_take_its_offer(client_as, offer, entry):
    entry.status = WaitlistEntry.Status.WITHDRAWN
    entry.save()
    url = claim_path(invite_of(offer, entry))

    page = client_as("patient").get(url).text
    response = client_as("patient").post(url)

    assert "You are no longer on the waitlist for Midtown Infusion Center" in page
    assert "Take this time" not in page
    assert response.status_code == 400
    assert not InfusionAppointment.objects.exists()


# Links that do not work --------------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    [
        "not-a-token",
        "{good}x",
        "{other_purpose}",
    ],
)
def test_an_altered_or_borrowed_token_opens_a_clear_page(client_as, offer, entry, token):
    invite = invite_of(offer, entry)
    good = claim_path(invite).split("/")[-2]
    token = token.format(good=good, other_purpose=make_token("consultation", invite.pk))

    response = client_as("patient").get(f"/waitlist/claim/{token}/")
    posted = client_as("patient").post(f"/waitlist/claim/{token}/")

    assert response.status_code == posted.status_code == 404
    assert "This link does not work" in response.text
    assert not InfusionAppointment.objects.exists()


def test_a_link_past_the_offered_time_says_the_offer_has_ended(client_as, offer, entry):
    WaitlistOffer.objects.filter(pk=offer.pk).update(
        starts_at=timezone.now() - timedelta(minutes=5)
    )
    url = claim_path(invite_of(offer, entry))

    response = client_as("patient").get(url)
    posted = client_as("patient").post(url)

    assert response.status_code == posted.status_code == 410
    assert "This offer has ended" in response.text
    assert "Take this time" not in response.text
    assert not InfusionAppointment.objects.exists()


# The e-mails' own checks ---------------------------------------------------------------------


def test_no_offer_is_e_mailed_once_the_time_is_taken(client_as, offer, entry, other_entry):
    client_as("patient").post(claim_path(invite_of(offer, entry)))
    mail.outbox.clear()

    send_waitlist_offer(invite_id=invite_of(offer, other_entry).pk)

    assert mail.outbox == []


def test_no_offer_is_e_mailed_to_a_patient_who_left_the_waitlist(offer, entry):
    entry.status = WaitlistEntry.Status.WITHDRAWN
    entry.save()

    send_waitlist_offer(invite_id=invite_of(offer, entry).pk)

    assert mail.outbox == []
