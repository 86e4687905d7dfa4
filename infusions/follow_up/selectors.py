"""What the follow-up list reads, in a few queries whatever the day holds."""

from dataclasses import dataclass
from datetime import date

from django.db.models import F
from django.utils import timezone

from clinic.lib.timezones import local_day_bounds

from ..models import InfusionAppointment, PreparationChecklist, Reminder
from ..models.appointments import Status


@dataclass(frozen=True)
class Preparing:
    appointment: InfusionAppointment
    checklist: PreparationChecklist | None

    @property
    def driver_missing(self) -> bool:
        return not (self.appointment.driver_name and self.appointment.driver_phone)


def preparing_on(location, day: date) -> list[Preparing]:
    """The infusions booked at the location that local day, each with the checklist of its
    current time (None if the patient confirmed nothing yet)."""
    starts, ends = local_day_bounds(day, location.time_zone)
    appointments = list(
        InfusionAppointment.objects.filter(
            chair__location=location, starts_at__gte=starts, starts_at__lt=ends
        )
        .filter(status=Status.BOOKED)
        .select_related("patient__user", "chair")
        .order_by("starts_at", "pk")
    )
    checklists = {
        checklist.appointment_id: checklist
        for checklist in PreparationChecklist.objects.filter(
            appointment__in=appointments, for_starts_at=F("appointment__starts_at")
        )
    }
    return [Preparing(a, checklists.get(a.pk)) for a in appointments]


def reminders_not_delivered(location) -> list[Reminder]:
    """Reminders given up on, or maybe sent, for the location's infusions still ahead."""
    return list(
        Reminder.objects.filter(
            appointment__chair__location=location,
            appointment__status=Status.BOOKED,
            appointment__starts_at__gte=timezone.now(),
            status__in=[Reminder.Status.FAILED, Reminder.Status.UNKNOWN],
        )
        .select_related("appointment__patient__user", "appointment__chair")
        .order_by("appointment__starts_at", "due_at")
    )
