"""Clinic admins change the reminders' schedule: a reminder turned off, another hour, a
channel dropped, for one appointment type or for all, with the type's own rule first.
Bookings already made keep what was planned for them."""

from datetime import UTC, time

import pytest
from django.urls import reverse

from infusions.booking.services import infusion_book
from infusions.models import AppointmentType, Reminder, ReminderChannels, ReminderRule
from tests.infusions.booking import at

pytestmark = pytest.mark.django_db

Kind, Channel = Reminder.Kind, Reminder.Channel


@pytest.fixture
def maintenance(db):
    return AppointmentType.objects.get(kind=AppointmentType.Kind.MAINTENANCE)


def book(cleared, chair, front_desk, monday, appointment_type=None):
    return infusion_book(
        patient=cleared,
        chair=chair,
        starts_at=at(monday, 14, 30).astimezone(UTC),
        booked_by=front_desk,
        appointment_type=appointment_type,
    )


def local_due(appointment, kind, channel=Channel.EMAIL) -> str:
    due = appointment.reminders.get(kind=kind, channel=channel).due_at
    return appointment.location.local_time(due).strftime("%a %H:%M")


def test_a_rule_for_every_type_moves_and_turns_off_reminders(cleared, chair, front_desk, monday):
    ReminderRule.objects.create(kind=Kind.EVENING_BEFORE, local_time=time(17, 30))
    ReminderRule.objects.create(kind=Kind.TWO_DAYS, hours_before=72)
    ReminderRule.objects.create(kind=Kind.DAY_AFTER, is_sent=False)

    appointment = book(cleared, chair, front_desk, monday)

    assert local_due(appointment, Kind.EVENING_BEFORE) == "Sun 17:30"
    assert local_due(appointment, Kind.TWO_DAYS) == "Fri 14:30"
    assert not appointment.reminders.filter(kind=Kind.DAY_AFTER).exists()
    assert local_due(appointment, Kind.MORNING_OF) == "Mon 07:00"  # no rule: as shipped


def test_a_types_own_rule_comes_before_the_rule_for_all(
    cleared, chair, front_desk, monday, maintenance
):
    ReminderRule.objects.create(kind=Kind.MORNING_OF, local_time=time(6))
    ReminderRule.objects.create(
        kind=Kind.MORNING_OF, appointment_type=maintenance, local_time=time(6, 45)
    )

    appointment = book(cleared, chair, front_desk, monday, appointment_type=maintenance)

    assert local_due(appointment, Kind.MORNING_OF) == "Mon 06:45"


def test_a_channel_can_be_dropped_for_one_reminder(cleared, chair, front_desk, monday):
    cleared.phone = "+12125550143"
    cleared.save()
    ReminderChannels.objects.create(patient=cleared, sms=True)
    ReminderRule.objects.create(kind=Kind.TWO_DAYS, by_sms=False)
    ReminderRule.objects.create(kind=Kind.MORNING_OF, by_email=False)

    appointment = book(cleared, chair, front_desk, monday)

    channels = {
        kind: set(appointment.reminders.filter(kind=kind).values_list("channel", flat=True))
        for kind in (Kind.TWO_DAYS, Kind.MORNING_OF, Kind.EVENING_BEFORE)
    }
    assert channels == {
        Kind.TWO_DAYS: {Channel.EMAIL},
        Kind.MORNING_OF: {Channel.SMS},
        Kind.EVENING_BEFORE: {Channel.EMAIL, Channel.SMS},
    }


def test_a_rule_changes_nothing_already_planned(cleared, chair, front_desk, monday):
    appointment = book(cleared, chair, front_desk, monday)

    ReminderRule.objects.create(kind=Kind.EVENING_BEFORE, is_sent=False)

    assert appointment.reminders.filter(kind=Kind.EVENING_BEFORE).exists()


def test_a_clinic_admin_edits_the_rules_and_the_history_says_who(client_as, clinic_admin):
    client = client_as("clinic_admin")
    clinic_admin.is_staff = True
    clinic_admin.save()

    response = client.post(
        reverse("admin:infusions_reminderrule_add"),
        {"kind": Kind.EVENING_BEFORE, "is_sent": "on", "by_email": "on", "local_time": "17:00"},
    )

    assert response.status_code == 302
    rule = ReminderRule.objects.get()
    assert rule.local_time == time(17)
    assert rule.history.get().history_user == clinic_admin


@pytest.mark.parametrize("persona", ["front_desk", "clinician"])
def test_other_staff_cannot_change_the_rules(client_as, request, persona):
    user = request.getfixturevalue(persona)
    user.is_staff = True
    user.save()

    assert client_as(persona).get(reverse("admin:infusions_reminderrule_add")).status_code == 403
