"""Keeping an infusion's reminders in step with its booking. Called by the booking and status
services inside their own transactions, so a booking rolled back leaves no reminder."""

from django.db.models import Max, Q
from django.utils import timezone

from ..models import Reminder, ReminderChannels, ReminderRule
from .schedule import SHIPPED, Timing, reminders_due, sms_due

Status = Reminder.Status


def reminders_plan(appointment, *, now=None, round=1) -> list[Reminder]:
    """Make the reminders of a booked infusion at its current start time: what is still
    ahead. Planning one round twice makes nothing more."""
    now = now or timezone.now()
    zone, starts_at = appointment.location.time_zone, appointment.starts_at
    rules = reminder_rules_for(appointment.appointment_type_id)
    due = reminders_due(starts_at, zone, booked_at=now, timing=_timing(rules))
    texts = sms_wanted(appointment.patient)
    rows = []
    for kind, due_at in due:
        rule = rules.get(kind)
        if rule is not None and not rule.is_sent:
            continue
        if rule is None or rule.by_email:
            rows.append((kind, Reminder.Channel.EMAIL, due_at))
        if texts and (rule is None or rule.by_sms):
            rows.append(
                (kind, Reminder.Channel.SMS, sms_due(kind, due_at, starts_at, zone, not_before=now))
            )
    return Reminder.objects.bulk_create(
        [
            Reminder(
                appointment=appointment,
                kind=kind,
                channel=channel,
                for_starts_at=starts_at,
                round=round,
                due_at=due_at,
            )
            for kind, channel, due_at in rows
        ],
        ignore_conflicts=True,
    )


def reminder_rules_for(appointment_type_id) -> dict:
    """The clinic's rule for each kind of reminder of this appointment type: its own, else
    the one for every type; a kind with neither keeps the shipped schedule."""
    rules = {}
    for rule in ReminderRule.objects.filter(
        Q(appointment_type_id=appointment_type_id) | Q(appointment_type__isnull=True)
    ).order_by("appointment_type_id"):  # NULL last on PostgreSQL, first on SQLite
        if rule.appointment_type_id is not None or rule.kind not in rules:
            rules[rule.kind] = rule
    return rules


def _timing(rules: dict) -> Timing:
    def clock(kind, shipped):
        rule = rules.get(kind)
        return rule.local_time if rule is not None and rule.local_time else shipped

    two_days = rules.get(Reminder.Kind.TWO_DAYS)
    return Timing(
        hours_before=(
            two_days.hours_before if two_days and two_days.hours_before else SHIPPED.hours_before
        ),
        evening=clock(Reminder.Kind.EVENING_BEFORE, SHIPPED.evening),
        morning=clock(Reminder.Kind.MORNING_OF, SHIPPED.morning),
        day_after=clock(Reminder.Kind.DAY_AFTER, SHIPPED.day_after),
    )


def sms_wanted(patient) -> bool:
    """Text messages too: asked for, not stopped, and a phone to send them to."""
    channels = ReminderChannels.objects.filter(patient=patient).first()
    return bool(channels and channels.sends_sms and patient.phone)


def sms_stop(*, phone: str, now=None) -> int:
    """A STOP reply from this number: no more text messages to the patients who gave it,
    and their unsent ones are void. Returns how many patients it stopped."""
    now = now or timezone.now()
    stopped = ReminderChannels.objects.filter(
        patient__phone=phone, sms=True, sms_stopped_at__isnull=True
    )
    patients = list(stopped.values_list("patient_id", flat=True))
    stopped.update(sms_stopped_at=now)
    Reminder.objects.filter(
        appointment__patient_id__in=patients,
        channel=Reminder.Channel.SMS,
        status__in=[Status.PENDING, Status.QUEUED],
    ).update(status=Status.VOID)
    return len(patients)


def reminders_void(appointment) -> int:
    """Nothing more is sent about this infusion (cancelled, a no-show): its unsent
    reminders are void. Returns how many."""
    return Reminder.objects.filter(
        appointment=appointment, status__in=[Status.PENDING, Status.QUEUED]
    ).update(status=Status.VOID)


def reminders_replan(appointment, *, now=None) -> list[Reminder]:
    """The infusion moved: what was planned for the old start is void, and the new start's
    reminders are made (the confirmation says the new time)."""
    reminders_void(appointment)
    last = Reminder.objects.filter(appointment=appointment).aggregate(last=Max("round"))["last"]
    return reminders_plan(appointment, now=now, round=(last or 0) + 1)


def sms_start(*, phone: str) -> int:
    """START from this number: text messages again, from the next booking's reminders."""
    return ReminderChannels.objects.filter(
        patient__phone=phone, sms_stopped_at__isnull=False
    ).update(sms_stopped_at=None)


def reminder_channels_for(patient) -> ReminderChannels:
    """The patient's choice (unsaved, e-mail only, if they never made one)."""
    return ReminderChannels.objects.filter(patient=patient).first() or ReminderChannels(
        patient=patient
    )


def reminder_channels_set(patient, *, sms: bool) -> ReminderChannels:
    """Text messages on or off, for the reminders of bookings made from now on; turning
    them on again after a STOP is asking again. Turning them off voids the waiting ones."""
    channels, _ = ReminderChannels.objects.update_or_create(
        patient=patient, defaults={"sms": sms, "sms_stopped_at": None}
    )
    if not sms:
        Reminder.objects.filter(
            appointment__patient=patient,
            channel=Reminder.Channel.SMS,
            status__in=[Status.PENDING, Status.QUEUED],
        ).update(status=Status.VOID)
    return channels


def reminder_resend(reminder) -> bool:
    """Staff send a given-up or maybe-sent reminder again (they checked it did not arrive):
    it goes within a minute, with a full round of attempts. False if it was neither."""
    return bool(
        Reminder.objects.filter(pk=reminder.pk, status__in=[Status.FAILED, Status.UNKNOWN]).update(
            status=Status.PENDING, due_at=timezone.now(), attempts=0
        )
    )


def reminders_confirm_together(appointments) -> None:
    """Infusions booked at once (a plan's series) get one confirmation, the first's, which
    lists them all; the others' confirmations are void (their other reminders stay)."""
    if len(appointments) < 2:
        return
    first, *rest = sorted(appointments, key=lambda a: a.starts_at)
    Reminder.objects.filter(
        appointment__in=rest, kind=Reminder.Kind.CONFIRMATION, status=Status.PENDING
    ).update(status=Status.VOID)
    Reminder.objects.filter(
        appointment=first, kind=Reminder.Kind.CONFIRMATION, status=Status.PENDING
    ).update(lists_series=True)
