"""Changes to consultations. Every entry point (public form, signed link, staff) comes here."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from clinic.locations.models import Location
from clinic.outbox.services import email_enqueue, email_schedule

from ..models import Consultation
from . import availability, tasks
from .selectors import BOOKING_HORIZON_DAYS, consultation_slots

# A second identical request within this time (a double-click, a retried form) returns the
# booking the first one made instead of being told the slot is taken.
REPEAT_WINDOW = timedelta(minutes=10)


class SlotTaken(ValidationError):
    """The chosen slot is no longer free; `nearest` holds the closest free ones."""

    def __init__(self, nearest: list[availability.Slot]):
        super().__init__(
            "Sorry, that time was just taken by someone else. Please pick another.",
            code="slot_taken",
        )
        self.nearest = nearest


@dataclass(frozen=True)
class Contact:
    full_name: str
    email: str
    phone: str
    conditions: list[str]
    other_condition: str
    preferred_contact_time: str


def _free_slot(location: Location, starts_at: datetime, now: datetime):
    day = location.local_time(starts_at).date()
    slots = consultation_slots(location=location, first_day=day, days=1, now=now)
    return next((s for s in slots if s.starts_at == starts_at), None)


def _nearest(location: Location, around: datetime, now: datetime) -> list[availability.Slot]:
    first_day = location.local_time(now).date()
    slots = consultation_slots(
        location=location, first_day=first_day, days=BOOKING_HORIZON_DAYS, now=now
    )
    return availability.nearest_slots(slots, around)


def _hold_slot(*, location, starts_at, now, make) -> Consultation:
    """Save a booking on the first consultant free at `starts_at`; SlotTaken if none is.

    The unique constraint on (consultant, start) decides races: of two transactions that
    pick the same person, the second fails on insert and tries the next free colleague.
    """
    slot = _free_slot(location, starts_at, now)
    for consultant_id in slot.free_staff_ids if slot else ():
        try:
            with transaction.atomic():
                return make(consultant_id, slot)
        except IntegrityError:
            continue
    raise SlotTaken(_nearest(location, starts_at, now))


def consultation_book(
    *,
    location: Location,
    kind: str,
    starts_at: datetime,
    contact: Contact,
    now: datetime | None = None,
) -> Consultation:
    now = now or timezone.now()
    if not location.is_open_for_booking:
        raise ValidationError("This location is not taking bookings yet.", code="not_bookable")
    repeat = (
        Consultation.objects.booked()
        .filter(
            location=location,
            starts_at=starts_at,
            email__iexact=contact.email,
            created_at__gte=now - REPEAT_WINDOW,
        )
        .first()
    )
    if repeat is not None:
        return repeat

    def make(consultant_id, slot):
        return Consultation.objects.create(
            location=location,
            consultant_id=consultant_id,
            kind=kind,
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            full_name=contact.full_name,
            email=contact.email,
            phone=contact.phone,
            conditions=contact.conditions,
            other_condition=contact.other_condition,
            preferred_contact_time=contact.preferred_contact_time,
        )

    # The booking and its e-mails are committed together, or neither is.
    with transaction.atomic():
        consultation = _hold_slot(location=location, starts_at=starts_at, now=now, make=make)
        email_enqueue(tasks.send_consultation_confirmation, consultation_id=consultation.pk)
        _remind_the_day_before(consultation, now)
        email_enqueue(tasks.alert_front_desk_of_consultation, consultation_id=consultation.pk)
        if consultation.is_urgent:
            email_enqueue(
                tasks.alert_on_call_of_crisis_consultation, consultation_id=consultation.pk
            )
    return consultation


# A reminder due this soon after the confirmation would only repeat it.
REMINDER_BEFORE = timedelta(hours=24)
REMINDER_NOT_WITHIN = timedelta(hours=2)


def _remind_the_day_before(consultation: Consultation, now: datetime) -> None:
    at = consultation.starts_at - REMINDER_BEFORE
    if at >= now + REMINDER_NOT_WITHIN:
        email_schedule(
            tasks.send_consultation_reminder,
            at,
            consultation_id=consultation.pk,
            starts_at=consultation.starts_at.isoformat(),
        )


def consultation_reschedule(
    *, consultation: Consultation, starts_at: datetime, now: datetime | None = None
) -> Consultation:
    """Move a booking to another free slot; the old time is freed in the same transaction."""
    now = now or timezone.now()
    if consultation.status != Consultation.Status.BOOKED:
        raise ValidationError("This consultation was cancelled; please book a new one.")
    if consultation.starts_at == starts_at:
        return consultation
    with transaction.atomic():
        old = Consultation.objects.select_for_update().get(pk=consultation.pk)
        replaces = old.starts_at.isoformat()

        def make(consultant_id, slot):
            old.consultant_id = consultant_id
            old.starts_at, old.ends_at = slot.starts_at, slot.ends_at
            old._change_reason = "Rescheduled"
            old.save()
            return old

        moved = _hold_slot(location=old.location, starts_at=starts_at, now=now, make=make)
        email_enqueue(
            tasks.send_consultation_confirmation, consultation_id=moved.pk, replaces=replaces
        )
        _remind_the_day_before(moved, now)
    return moved


def consultation_cancel(*, consultation: Consultation, now: datetime | None = None) -> bool:
    """Cancel a booking and free its slot. False when it was already cancelled."""
    now = now or timezone.now()
    with transaction.atomic():
        # Locked, so two clicks on "cancel" cancel once and send one e-mail.
        locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if locked.status != Consultation.Status.BOOKED:
            return False
        locked.status, locked.cancelled_at = Consultation.Status.CANCELLED, now
        locked._change_reason = "Cancelled"
        locked.save()
        email_enqueue(tasks.send_consultation_cancelled, consultation_id=consultation.pk)
    return True


@transaction.atomic
def consultation_record_outcome(*, consultation: Consultation, outcome: str) -> Consultation:
    """The front desk notes what happened: called, no answer, or invited to become a patient."""
    if outcome not in Consultation.Outcome.values or outcome == Consultation.Outcome.NEW:
        raise ValidationError("Choose called, no answer or converted.")
    # Locked, so two desks marking "converted" at once send one invitation.
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    consultation.outcome = outcome
    consultation._change_reason = f"Marked {Consultation.Outcome(outcome).label.lower()}"
    if outcome == Consultation.Outcome.CONVERTED and consultation.invited_at is None:
        consultation.invited_at = timezone.now()
        email_enqueue(tasks.send_patient_invitation, consultation_id=consultation.pk)
    consultation.save()
    return consultation
