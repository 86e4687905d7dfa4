"""Several invitees take one offered time at once, on a real PostgreSQL: the offer's row lock
lets exactly one book it, and every other is told it has gone."""

import threading

import pytest
from django.db import connection, connections

from clinic.outbox.models import Email
from infusions.models import InfusionAppointment, WaitlistEntry
from infusions.waitlist.services import OfferGone, waitlist_offer_claim
from tests.infusions.waitlist.helpers import cleared_record

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent transactions"
)

PEOPLE = 12
TAKEN_TASK = "infusions.waitlist.tasks.send_waitlist_offer_taken"


def claim_at_once(invites):
    """Each invite claimed by its own patient from its own thread, all released together;
    what each got: "booked", "gone", or the refusal's message."""
    start = threading.Barrier(len(invites))
    outcomes = []

    def patient(invite):
        try:
            start.wait()
            waitlist_offer_claim(invite=invite, by=invite.entry.patient.user)
            outcomes.append("booked")
        except OfferGone:
            outcomes.append("gone")
        except Exception as refusal:  # anything else is counted, so the test shows it
            outcomes.append(repr(refusal))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=patient, args=(invite,)) for invite in invites]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_twelve_patients_taking_one_offer_at_once_make_exactly_one_booking(
    committed_db, location, chair, clinician, join, offer_to
):
    entries = [join(cleared_record(location, clinician)) for _ in range(PEOPLE)]
    offer = offer_to(*entries)
    invites = list(offer.invites.select_related("entry__patient__user"))

    outcomes = claim_at_once(invites)

    assert sorted(outcomes) == ["booked"] + ["gone"] * (PEOPLE - 1)
    [appointment] = InfusionAppointment.objects.filter(chair=chair)
    offer.refresh_from_db()
    assert offer.appointment == appointment
    booked = WaitlistEntry.objects.get(status=WaitlistEntry.Status.BOOKED)
    assert booked.patient_id == appointment.patient_id
    assert WaitlistEntry.objects.filter(status=WaitlistEntry.Status.WAITING).count() == PEOPLE - 1
    assert Email.objects.filter(task=TAKEN_TASK).count() == PEOPLE - 1
