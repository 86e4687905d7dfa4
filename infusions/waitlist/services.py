"""Changing the waitlist: joining and leaving it, offering a freed chair time to the waiting
patients it fits, and a patient taking the time through their link, the first claim winning."""

from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from clinic.outbox.services import email_enqueue

from ..booking.services import infusion_book
from ..eligibility import infusion_eligibility
from ..models import InfusionAppointment, WaitlistEntry, WaitlistInvite, WaitlistOffer
from .selectors import waitlist_fits
from .tasks import send_waitlist_offer, send_waitlist_offer_taken

WAITING = WaitlistEntry.Status.WAITING


class OfferGone(Exception):
    """The offered time cannot be taken any more: someone took it first, or it has begun."""

    def __init__(self, *, taken: bool):
        super().__init__("taken" if taken else "ended")
        self.taken = taken


@transaction.atomic
def waitlist_join(
    *,
    patient,
    location,
    appointment_type,
    preferred_weekdays: str,
    earliest: time | None,
    latest: time | None,
    added_by,
) -> WaitlistEntry:
    """Put the patient on the location's waitlist for those days and times. One waiting entry
    a location: to change the days or times, leave and join again."""
    if not location.is_open_for_booking:
        raise ValidationError({"location": "This location is not taking bookings yet."})
    if not appointment_type.is_active:
        raise ValidationError({"appointment_type": "Choose a kind of infusion that is booked."})
    if earliest is not None and latest is not None and latest < earliest:
        raise ValidationError({"latest": "The latest start must be after the earliest start."})
    eligibility = infusion_eligibility(patient=patient)
    if not eligibility.allowed:
        raise ValidationError(
            {"patient": "Not on the waitlist yet: " + " ".join(eligibility.missing)}
        )
    entry = WaitlistEntry(
        patient=patient,
        location=location,
        appointment_type=appointment_type,
        preferred_weekdays=preferred_weekdays,
        earliest=earliest,
        latest=latest,
        added_by=added_by,
    )
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError:
        raise ValidationError(
            {"location": f"Already on the waitlist for {location.name}."}
        ) from None
    return entry


def waitlist_withdraw(*, entry: WaitlistEntry) -> bool:
    """Take a waiting entry off the waitlist; False if it was not waiting (already withdrawn
    or booked, say by a claim a moment ago)."""
    # Compare-and-set, so a withdrawal never turns a just-booked entry back.
    return bool(
        WaitlistEntry.objects.filter(pk=entry.pk, status=WAITING).update(
            status=WaitlistEntry.Status.WITHDRAWN
        )
    )


@transaction.atomic
def waitlist_offer_make(
    *, chair, starts_at: datetime, entries, made_by, now: datetime | None = None
) -> WaitlistOffer:
    """Offer the freed time on `chair` at `starts_at` to the waiting patients of `entries`,
    each by e-mail with a link. Every one must still fit the time, and all must wait for
    the same kind of infusion: the first to claim it is booked for that kind."""
    now = now or timezone.now()
    location = chair.location
    chosen = {entry.pk for entry in entries}
    if not chosen:
        raise ValidationError({"entries": "Tick at least one patient to offer the time to."})
    notice = timedelta(hours=location.booking_notice_hours)
    if starts_at < now + notice:
        raise ValidationError(
            {
                "entries": f"Patients can take a time through the link only with "
                f"{location.booking_notice_hours} hours' notice or more. Call those waiting "
                "and book it for them instead."
            }
        )
    offerable = [
        c.entry
        for c in waitlist_fits(chair=chair, starts_at=starts_at, now=now)
        if c.offerable and c.entry.pk in chosen
    ]
    if len(offerable) != len(chosen):
        raise ValidationError(
            {
                "entries": "Some of the patients you ticked no longer fit this time or were "
                "offered it already. The list is up to date now; tick them again."
            }
        )
    if len({entry.appointment_type_id for entry in offerable}) > 1:
        raise ValidationError(
            {
                "entries": "Offer the time to patients waiting for one kind of infusion at a "
                "time: the patient who takes it is booked for that kind."
            }
        )
    offer = WaitlistOffer.objects.create(
        chair=chair,
        appointment_type=offerable[0].appointment_type,
        starts_at=starts_at,
        made_by=made_by,
    )
    for entry in offerable:
        invite = WaitlistInvite.objects.create(offer=offer, entry=entry)
        email_enqueue(send_waitlist_offer, invite_id=invite.pk)
    return offer


@transaction.atomic
def waitlist_offer_claim(*, invite: WaitlistInvite, by) -> InfusionAppointment:
    """Book the offered time for the invite's patient, if nobody took it first and every
    booking rule allows it (as the patient booking online); then tell the other invitees it
    is taken. Raises OfferGone, or ValidationError with the rules' reason."""
    # Two patients claiming one offer at once: the offer's row lock makes the second wait
    # for the first to commit, and then read the claim the first one wrote.
    offer = WaitlistOffer.objects.select_for_update().get(pk=invite.offer_id)
    if offer.claimed_at is not None:
        raise OfferGone(taken=True)
    if offer.starts_at <= timezone.now():
        raise OfferGone(taken=False)
    entry = WaitlistEntry.objects.select_for_update().get(pk=invite.entry_id)
    if entry.status != WAITING:
        raise ValidationError(
            "You are no longer on the waitlist for this location, so this time cannot be "
            "booked from it. You can join the waitlist again, or call the clinic."
        )
    appointment = infusion_book(
        patient=entry.patient,
        chair=offer.chair,
        starts_at=offer.starts_at,
        booked_by=by,
        appointment_type=offer.appointment_type,
        online=True,
    )
    offer.claimed_at, offer.appointment = timezone.now(), appointment
    offer.save(update_fields=["claimed_at", "appointment"])
    entry.status = WaitlistEntry.Status.BOOKED
    entry.save(update_fields=["status"])
    for other in offer.invites.exclude(pk=invite.pk).values_list("pk", flat=True):
        email_enqueue(send_waitlist_offer_taken, invite_id=other)
    return appointment
