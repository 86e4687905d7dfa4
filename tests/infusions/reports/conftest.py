"""A fortnight at the Midtown location (New York, two chairs, open 9 to 5 on weekdays and
9 to 1 on Sundays, closed on Saturdays) whose report figures are worked out by hand in the
tests. The period is Monday 2026-03-02 to Tuesday 2026-03-10; the clocks go forward on
Sunday 2026-03-08. Appointments are made with the ORM, past the booking service, so each
one is exactly where the answers need it.

    name       patient chair  local start       held  status          plan  note
    a0         p4      2      Sun Mar 1  22:00   60  no_show         -     before the period
    a1         p1      1      Mon Mar 2  10:00  120  discharged      1
    a2         p3      2      Mon Mar 2  10:00  120  no_show         3
    a3         p4      1      Mon Mar 2  13:00  120  cancelled       -
    a4         p2      1      Mon Mar 2  16:00  120  discharged      2     60 after closing
    a5         p4      1      Tue Mar 3   9:00  120  late_cancelled  -
    a6         p2      1      Sun Mar 8   9:00  240  discharged      2     clocks changed
    a7         p1      2      Mon Mar 9  11:00  120  discharged      1
    a8         p4      2      Tue Mar 10 20:00   60  no_show         -     after closing
    a9         p3      1      Wed Mar 11 10:00  120  discharged      3     after the period
    earlier    p2      1      Mon Feb 23 10:00  120  discharged      2     before the period
    elsewhere  p4      Other  Mon Mar 2  10:00  120  no_show         -     another location

"held" is the chair's minutes from the start until it is free again.

Plans: plan 1 (p1) has 2 infusions in its initial series, plan 2 (p2) 3, plan 3 (p3) 2.

Screenings (the baseline; PHQ-9, GAD-7, pain), outcome checks before an infusion:

    p1  screened Feb 1: 20, 15, 6   checks: a1 16, 13, 6;  a7 12, 9, 6
    p2  screened Feb 1: 18, 10, 2   checks: earlier 17, 10, 2;  a6 14, 12, 4
        screened again Apr 1: 5, 5, 0 (after the checks: not the baseline)
    p3  screened Feb 1: 10, -, 4    checks: a2 10, 5, 2
    p4  never screened              checks: a5 8, 8, 8
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import pytest

from infusions.models import AppointmentType, InfusionAppointment, OutcomeCheck, TreatmentPlan
from screening.models import Screening
from tests.factories import ChairFactory, LocationFactory, OpeningHoursFactory
from tests.infusions.booking import NEW_YORK
from tests.screening.factories import PatientFactory, submit

FIRST, LAST = date(2026, 3, 2), date(2026, 3, 10)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=NEW_YORK).astimezone(UTC)


@dataclass
class Fortnight:
    location: object
    appointments: dict


@pytest.fixture
def fortnight(location, chair, other_chair, front_desk) -> Fortnight:
    initial = AppointmentType.objects.get(kind=AppointmentType.Kind.INITIAL)
    p1, p2, p3, p4 = (PatientFactory() for _ in range(4))

    def plan(patient, count):
        return TreatmentPlan.objects.create(
            patient=patient,
            location=location,
            initial_type=initial,
            initial_count=count,
            created_by=front_desk,
        )

    plans = {p1: plan(p1, 2), p2: plan(p2, 3), p3: plan(p3, 2)}
    elsewhere = LocationFactory(name="Elsewhere", time_zone="America/New_York")
    elsewhere_chair = ChairFactory(location=elsewhere, name="Other")
    OpeningHoursFactory(location=elsewhere, weekday=0, opens=time(9), closes=time(17))

    def make(patient, on_chair, starts_at, minutes, status, with_plan=True):
        # 45 minutes' infusion; recovery and turnover make up the chair time held.
        return InfusionAppointment.objects.create(
            patient=patient,
            chair=on_chair,
            appointment_type=initial,
            plan=plans.get(patient) if with_plan else None,
            starts_at=starts_at,
            infusion_minutes=45,
            recovery_minutes=minutes - 55,
            turnover_minutes=10,
            ends_at=starts_at + timedelta(minutes=minutes - 10),
            chair_free_at=starts_at + timedelta(minutes=minutes),
            status=status,
            booked_by=front_desk,
        )

    S = InfusionAppointment.Status
    appointments = {
        "a0": make(p4, other_chair, at(date(2026, 3, 1), 22), 60, S.NO_SHOW),
        "a1": make(p1, chair, at(FIRST, 10), 120, S.DISCHARGED),
        "a2": make(p3, other_chair, at(FIRST, 10), 120, S.NO_SHOW),
        "a3": make(p4, chair, at(FIRST, 13), 120, S.CANCELLED),
        "a4": make(p2, chair, at(FIRST, 16), 120, S.DISCHARGED),
        "a5": make(p4, chair, at(date(2026, 3, 3), 9), 120, S.LATE_CANCELLED),
        "a6": make(p2, chair, at(date(2026, 3, 8), 9), 240, S.DISCHARGED),
        "a7": make(p1, other_chair, at(date(2026, 3, 9), 11), 120, S.DISCHARGED),
        "a8": make(p4, other_chair, at(LAST, 20), 60, S.NO_SHOW),
        "a9": make(p3, chair, at(date(2026, 3, 11), 10), 120, S.DISCHARGED),
        "earlier": make(p2, chair, at(date(2026, 2, 23), 10), 120, S.DISCHARGED),
        "elsewhere": make(p4, elsewhere_chair, at(FIRST, 10), 120, S.NO_SHOW),
    }

    def screened(patient, day, phq9, gad7, pain):
        screening = submit(patient)
        Screening.objects.filter(pk=screening.pk).update(
            phq9_total=phq9, gad7_total=gad7, pain_score=pain, submitted_at=at(day, 8)
        )
        return screening

    screened(p1, date(2026, 2, 1), 20, 15, 6)
    first = screened(p2, date(2026, 2, 1), 18, 10, 2)
    screened(p3, date(2026, 2, 1), 10, None, 4)
    # The service keeps one screening a patient; a later one could only come from elsewhere.
    later = at(date(2026, 4, 1), 8)
    Screening.objects.create(
        patient=p2,
        version=first.version,
        answers=first.answers,
        phq9_total=5,
        gad7_total=5,
        pain_score=0,
        submitted_at=later,
        waiting_since=later,
    )

    def checked(name, phq9, gad7, pain):
        appointment = appointments[name]
        check = OutcomeCheck.objects.create(
            appointment=appointment,
            patient=appointment.patient,
            phq9_total=phq9,
            gad7_total=gad7,
            pain_score=pain,
        )
        # Answered in the waiting room half an hour before the infusion.
        OutcomeCheck.objects.filter(pk=check.pk).update(
            answered_at=appointment.starts_at - timedelta(minutes=30)
        )

    checked("a1", 16, 13, 6)
    checked("a7", 12, 9, 6)
    checked("earlier", 17, 10, 2)
    checked("a6", 14, 12, 4)
    checked("a2", 10, 5, 2)
    checked("a5", 8, 8, 8)
    return Fortnight(location, appointments)
