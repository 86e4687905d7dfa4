"""The waitlist's e-mails, sent through the outbox once the change they are about commits:
each invitee's offer with their own link, then 'taken' to the others once one claims it.
They say where and when, and nothing clinical."""

import re

import pytest
from django.urls import reverse
from django.utils.http import urlencode

from clinic.outbox.models import Email
from infusions.models import InfusionAppointment

LINK = re.compile(r"https?://[^/\s]+(/waitlist/claim/[^/\s]+/)")
# The clinic signs with its name; the e-mail names no kind of infusion, medication or step.
CLINICAL = ("Initial-series", "infusion", "screening", "dose", "medication", "consent")


def words(body: str) -> str:
    """The e-mail's text without its links, whose paths are the site's."""
    return re.sub(r"https?://\S+", "", body)


def fits_url(chair, starts_at):
    query = urlencode({"chair": chair.pk, "starts_at": starts_at.isoformat()})
    return f"{reverse('infusions:waitlist_fits')}?{query}"


def test_each_invitee_gets_their_own_link_and_the_others_hear_once_it_is_taken(
    client, client_as, entry, other_entry, chair, freed, mailoutbox
):
    client_as("front_desk").post(fits_url(chair, freed), {"entries": [entry.pk, other_entry.pk]})
    client.logout()

    offers = {m.to[0]: m for m in mailoutbox}
    assert set(offers) == {"pat@example.com", "other-pat@example.com"}
    mine = offers["pat@example.com"]
    assert mine.subject == "An earlier time at Midtown Infusion Center"
    assert f"{freed:%A, %B %-d} at 10:00 AM (Eastern time)" in mine.body
    assert not any(word in words(mine.body) for word in CLINICAL)
    link = LINK.search(mine.body).group(1)
    assert link != LINK.search(offers["other-pat@example.com"].body).group(1)

    response = client_as("patient").post(link)

    assert response.status_code == 302
    assert InfusionAppointment.objects.get().patient == entry.patient
    [taken] = list(mailoutbox)[2:]
    assert taken.to == ["other-pat@example.com"]
    assert taken.subject == "The earlier time at Midtown Infusion Center has been taken"
    assert f"{freed:%A, %B %-d} at 10:00 AM (Eastern time)" in taken.body
    assert "You are still on the waitlist" in taken.body
    assert not any(word in words(taken.body) for word in CLINICAL)
    assert set(Email.objects.values_list("status", flat=True)) == {Email.Status.SENT}
    assert Email.objects.count() == 3


def test_the_link_in_the_e_mail_asks_a_signed_out_patient_to_sign_in_first(
    client, client_as, entry, chair, freed, mailoutbox
):
    client_as("front_desk").post(fits_url(chair, freed), {"entries": [entry.pk]})
    client.logout()
    [offer] = mailoutbox
    link = LINK.search(offer.body).group(1)

    response = client.get(link)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert not InfusionAppointment.objects.exists()


@pytest.fixture
def committed(committed_db):
    """The e-mail tests commit, so the outbox's hand-off runs as in production."""
