"""Reading the waitlist: the desk's list by location, a patient's own entries and offers, and
which waiting patients a freed chair time fits."""

import dataclasses
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from clinic.lib.timezones import local_day_bounds
from clinic.locations.models import Location
from patients.models import Patient

from ..booking.calendar import PATIENT_WINDOW, calendar_load
from ..booking.rules import Held, Slot, slot_problem
from ..booking.services import min_gap_for
from ..eligibility import infusion_eligibility_for_patients
from ..models import InfusionAppointment, WaitlistEntry, WaitlistInvite
from .preferences import days_label, preference_problem, times_label

WAITING = WaitlistEntry.Status.WAITING


@dataclass(frozen=True)
class EntryRow:
    """One waiting entry as a page shows it."""

    entry: WaitlistEntry

    @property
    def days(self) -> str:
        return days_label(self.entry.preferred_weekdays)

    @property
    def times(self) -> str:
        return times_label(self.entry.earliest, self.entry.latest)


def _waiting():
    return WaitlistEntry.objects.filter(status=WAITING).select_related(
        "patient__user", "location", "appointment_type"
    )


def waitlist_by_location(*, location: Location | None = None) -> list[tuple[Location, list]]:
    """Each location taking bookings (or just `location`) with its waiting entries, first come
    first."""
    locations = list(Location.objects.bookable().order_by("name"))
    if location is not None:
        locations = [place for place in locations if place.pk == location.pk]
    rows = defaultdict(list)
    for entry in _waiting().filter(location__in=locations):
        rows[entry.location_id].append(EntryRow(entry))
    return [(place, rows[place.pk]) for place in locations]


def waitlist_of_patient(*, patient) -> list[EntryRow]:
    return [EntryRow(entry) for entry in _waiting().filter(patient=patient)]


def open_invites_of_patient(*, patient, now: datetime | None = None) -> list[WaitlistInvite]:
    """Times offered to the patient that nobody has taken yet and that are still to come."""
    return list(
        WaitlistInvite.objects.filter(
            entry__patient=patient,
            entry__status=WAITING,
            offer__claimed_at__isnull=True,
            offer__starts_at__gt=now or timezone.now(),
        )
        .select_related("offer__chair__location")
        .order_by("offer__starts_at")
    )


def invite_for_patient(*, pk: int, patient) -> WaitlistInvite | None:
    """The invite, if it was sent to this patient; another's is as good as missing."""
    return (
        WaitlistInvite.objects.filter(pk=pk, entry__patient=patient)
        .select_related(
            "entry", "offer__chair__location", "offer__appointment", "offer__appointment_type"
        )
        .first()
    )


@dataclass(frozen=True)
class Candidate:
    """A waiting entry at the freed chair's location, and whether the time suits it."""

    entry: WaitlistEntry
    problem: str | None  # why the time does not suit them or cannot be booked for them
    invited: bool  # already offered this very chair and time, not yet taken

    @property
    def fits(self) -> bool:
        return self.problem is None

    @property
    def offerable(self) -> bool:
        return self.fits and not self.invited

    @property
    def row(self) -> EntryRow:
        return EntryRow(self.entry)


def _held_by_patient(location, day, patient_ids) -> dict[int, list[Held]]:
    """The patients' live appointments around `day`, as `calendar_load` reads one patient's,
    in one query for all of them."""
    starts, ends = local_day_bounds(day, location.time_zone)
    names = [f.name for f in dataclasses.fields(Held)]
    held = defaultdict(list)
    rows = (
        InfusionAppointment.objects.live()
        .filter(
            patient_id__in=patient_ids,
            starts_at__lt=ends + PATIENT_WINDOW,
            ends_at__gt=starts - PATIENT_WINDOW,
        )
        .values_list(*names)
    )
    for row in rows:
        appointment = Held(*row)
        held[appointment.patient_id].append(appointment)
    return held


def waitlist_fits(*, chair, starts_at: datetime, now: datetime | None = None) -> list[Candidate]:
    """Every waiting entry at the chair's location, first come first, each with the reason
    the freed time at `starts_at` does not suit it (their days and times, the gate, or the
    booking rules as the front desk books, for the entry's kind of infusion), or None.

    A handful of queries whatever the number of entries: one calendar for the day, one query
    for all their patients' appointments, three for the gate."""
    now = now or timezone.now()
    location = chair.location
    entries = list(_waiting().filter(location=location))
    if not entries:
        return []
    local_start = location.local_time(starts_at)
    calendar = calendar_load(location, local_start.date(), local_start.date())
    held = _held_by_patient(location, local_start.date(), {e.patient_id for e in entries})
    eligibility = infusion_eligibility_for_patients({e.patient for e in entries})
    invited = set(
        WaitlistInvite.objects.filter(
            entry__in=entries,
            offer__chair=chair,
            offer__starts_at=starts_at,
            offer__claimed_at__isnull=True,
        ).values_list("entry_id", flat=True)
    )
    candidates = []
    for entry in entries:
        kind = entry.appointment_type
        problem = preference_problem(
            weekdays=entry.preferred_weekdays,
            earliest=entry.earliest,
            latest=entry.latest,
            local_start=local_start,
        )
        if problem is None and not eligibility[entry.patient_id].allowed:
            problem = "Cannot be booked yet: " + " ".join(eligibility[entry.patient_id].missing)
        if problem is None and not kind.is_active:
            problem = f"Waiting for {kind.name}, which is no longer booked."
        if problem is None:
            slot = Slot.for_minutes(
                chair.pk,
                starts_at,
                infusion=kind.infusion_minutes,
                recovery=kind.recovery_minutes,
                turnover=kind.turnover_minutes,
            )
            refusal = slot_problem(
                dataclasses.replace(calendar, patient_held=held.get(entry.patient_id, [])),
                slot,
                now=now,
                online=False,
                min_gap=min_gap_for(None),
            )
            problem = refusal.message if refusal else None
        candidates.append(Candidate(entry, problem, entry.pk in invited))
    return candidates


def cleared_patients() -> list:
    """Patients the gate lets book an infusion, by name: who the desk may put on a waitlist."""
    patients = list(
        Patient.objects.filter(intake_completed_at__isnull=False)
        .select_related("user")
        .order_by("legal_last_name", "legal_first_name", "pk")
    )
    eligibility = infusion_eligibility_for_patients(patients)
    return [p for p in patients if eligibility[p.pk].allowed]


def offer_state(invite: WaitlistInvite, *, patient, now: datetime | None = None) -> str:
    """Where an offer stands for the patient it was sent to: "yours" (they took it), "ended"
    (the time has begun), "left" (they are no longer waiting there), "taken" (someone else
    took it), or "open"."""
    offer = invite.offer
    if offer.appointment_id is not None and offer.appointment.patient_id == patient.pk:
        return "yours"
    if offer.starts_at <= (now or timezone.now()):
        return "ended"
    if invite.entry.status != WAITING:
        return "left"
    if offer.claimed_at is not None:
        return "taken"
    return "open"
