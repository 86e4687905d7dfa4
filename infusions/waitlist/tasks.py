"""E-mails of the waitlist: a freed time offered, and the time taken by someone else. Each
task takes an invite's id, never a name or address, and says where and when but nothing
clinical: an e-mail can be read over a shoulder or on a shared screen."""

from celery import shared_task
from django.urls import reverse
from django.utils import timezone

from clinic.lib.mail import RETRY, absolute_url, send_templated
from clinic.lib.signed_links import make_token

from ..models import WaitlistEntry, WaitlistInvite

# The signed link's purpose: a token for anything else never opens an offer.
INVITE_LINK = "waitlist-invite"


def claim_token(invite_id: int) -> str:
    return make_token(INVITE_LINK, invite_id)


def claim_url(invite_id: int) -> str:
    return absolute_url(reverse("infusions:waitlist_claim", args=[claim_token(invite_id)]))


def _load(invite_id):
    return (
        WaitlistInvite.objects.select_related("entry__patient__user", "offer__chair__location")
        .filter(pk=invite_id)
        .first()
    )


def _context(invite) -> dict:
    offer, location = invite.offer, invite.offer.chair.location
    return {
        "name": invite.entry.patient.display_name,
        "location": location,
        "starts_at": offer.starts_at,
        "still_waiting": invite.entry.status == WaitlistEntry.Status.WAITING,
    }


@shared_task(**RETRY)
def send_waitlist_offer(*, invite_id: int) -> None:
    """The offer with its link; not sent once the time is taken, gone by, or the patient has
    left the waitlist."""
    invite = _load(invite_id)
    if (
        invite is None
        or invite.offer.claimed_at is not None
        or invite.offer.starts_at <= timezone.now()
        or invite.entry.status != WaitlistEntry.Status.WAITING
    ):
        return
    location = invite.offer.chair.location
    send_templated(
        to=invite.entry.patient.user.email,
        subject=f"An earlier time at {location.name}",
        template="infusions/waitlist/email/offer.txt",
        context={**_context(invite), "claim_url": claim_url(invite.pk)},
    )


@shared_task(**RETRY)
def send_waitlist_offer_taken(*, invite_id: int) -> None:
    """Tell an invitee the time they were offered went to someone else."""
    invite = _load(invite_id)
    if invite is None or invite.offer.claimed_at is None:
        return
    location = invite.offer.chair.location
    send_templated(
        to=invite.entry.patient.user.email,
        subject=f"The earlier time at {location.name} has been taken",
        template="infusions/waitlist/email/offer_taken.txt",
        context={
            **_context(invite),
            "waitlist_url": absolute_url(reverse("infusions:my_waitlist")),
        },
    )
