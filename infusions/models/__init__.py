"""The schedule's data: appointment types, appointments and their status moves, the duty
roster, treatment plans, the waitlist, calendar feeds, preparation reminders, the
checklists patients confirm, and the infusion record with its outcome measures."""

from .appointments import (
    LIVE_STATUSES,
    OPEN_STATUSES,
    InfusionAppointment,
    StatusChange,
)
from .checklists import PreparationChecklist
from .feeds import CalendarFeed
from .plans import TreatmentPlan
from .records import InfusionRecord, OutcomeCheck, SideEffect, VitalSigns
from .reminders import Reminder, ReminderChannels, ReminderRule, ReminderWording
from .roster import DutyException, DutyShift
from .types import AppointmentType
from .waitlist import WaitlistEntry, WaitlistInvite, WaitlistOffer

__all__ = [
    "LIVE_STATUSES",
    "OPEN_STATUSES",
    "AppointmentType",
    "CalendarFeed",
    "DutyException",
    "DutyShift",
    "InfusionAppointment",
    "InfusionRecord",
    "OutcomeCheck",
    "PreparationChecklist",
    "Reminder",
    "ReminderChannels",
    "ReminderRule",
    "ReminderWording",
    "SideEffect",
    "StatusChange",
    "TreatmentPlan",
    "VitalSigns",
    "WaitlistEntry",
    "WaitlistInvite",
    "WaitlistOffer",
]
