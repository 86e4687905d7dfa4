"""What a reminder says: its subject and its body, as plain text and HTML, and its text
message. The facts only (when, where, how to prepare): never a diagnosis, a medication or a
dose. A clinic admin's published wording (ReminderWording) replaces the shipped words; the
links, the phone and, for texts, how to stop them are added after any words."""

import string
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse

from clinic.lib.mail import absolute_url
from clinic.lib.signed_links import make_token
from clinic.lib.timezones import zone_name_for_people
from clinic.locations.models import Location

from ..models import InfusionAppointment, Reminder, ReminderWording
from ..outcomes.links import outcomes_check_url
from .preparation import clock, fasting_for

Kind, Channel = Reminder.Kind, Reminder.Channel
# The purpose of the signed link to an infusion's preparation checklist (infusions/checklist).
CHECKLIST_LINK = "infusion-checklist"

# What a wording may say in braces, and what each stands for.
WORDING_FACTS = {
    "name": "the name the patient goes by",
    "day": "the infusion's day, e.g. Tuesday, January 12",
    "time": "its start, e.g. 2:30 PM",
    "ends": "when they can leave, recovery included",
    "zone": "the location's time zone, e.g. Eastern time",
    "location": "the location's name",
    "address": "the location's address",
    "phone": "the location's phone",
    "stop_eating": "e.g. after 8:30 AM, or after midnight",
    "stop_drinking": "e.g. until 12:30 PM",
    "clinic": "the clinic's name",
}

SUBJECTS = {
    Kind.CONFIRMATION: "Your infusion on {day} at {time}: booked, and how to prepare",
    Kind.TWO_DAYS: "In two days: your infusion on {day} at {time}",
    Kind.EVENING_BEFORE: "Tomorrow at {time}: nothing to eat {stop_eating}",
    Kind.MORNING_OF: "Today at {time}: your infusion at {location}",
    Kind.DAY_AFTER: "How are you after yesterday's infusion?",
}

SMS_TEXTS = {
    Kind.CONFIRMATION: "infusion booked: {day} at {time}, {location}. Nothing to eat {stop_eating}"
    "; bring photo ID and a driver home.",
    Kind.TWO_DAYS: "infusion in 2 days: {day} at {time}, {location}. Bring photo ID; arrange a "
    "driver home.",
    Kind.EVENING_BEFORE: "infusion tomorrow at {time}. Nothing to eat {stop_eating}; clear drinks "
    "{stop_drinking}.",
    Kind.MORNING_OF: "see you today at {time}, {location}. Clear drinks {stop_drinking}. Bring "
    "photo ID and your driver.",
    Kind.DAY_AFTER: "we hope you are resting well. Questions? Call {phone}.",
}


@dataclass(frozen=True)
class Message:
    subject: str
    text: str
    html: str


@dataclass(frozen=True)
class Facts:
    """One reminder's facts: the wording's placeholders, and the rest the shipped words use."""

    words: dict
    fasting: object
    location: object
    driver_given: bool
    infusion_url: str
    checklist_url: str
    outcomes_url: str = ""


def _facts(
    *, name, starts_at, ends_at, location, driver_given, infusion_url, checklist_url, outcomes_url
):
    fasting = fasting_for(starts_at, location.time_zone)
    return Facts(
        words={
            "name": name,
            "day": f"{fasting.starts:%A, %B} {fasting.starts.day}",
            "time": clock(fasting.starts),
            "ends": clock(ends_at.astimezone(fasting.starts.tzinfo)),
            "zone": zone_name_for_people(location.time_zone),
            "location": location.name,
            "address": location.one_line_address,
            "phone": location.phone,
            "stop_eating": fasting.stop_eating_words,
            "stop_drinking": fasting.stop_drinking_words,
            "clinic": settings.CLINIC_NAME,
        },
        fasting=fasting,
        location=location,
        driver_given=driver_given,
        infusion_url=infusion_url,
        checklist_url=checklist_url,
        outcomes_url=outcomes_url,
    )


def reminder_facts(reminder: Reminder) -> Facts:
    appointment = reminder.appointment
    return _facts(
        name=appointment.patient.display_name,
        starts_at=reminder.for_starts_at,
        ends_at=appointment.ends_at,
        location=appointment.chair.location,
        driver_given=bool(appointment.driver_name and appointment.driver_phone),
        infusion_url=absolute_url(reverse("infusions:my_infusion", args=[appointment.pk])),
        checklist_url=absolute_url(
            reverse("infusions:checklist", args=[make_token(CHECKLIST_LINK, appointment.pk)])
        ),
        outcomes_url=outcomes_check_url(appointment.pk),
    )


def _series(reminder: Reminder) -> list[str]:
    """The infusions booked together with this one (its plan's, from it on), as local times."""
    appointment = reminder.appointment
    location = appointment.chair.location
    booked = InfusionAppointment.objects.filter(
        plan_id=appointment.plan_id, status=InfusionAppointment.Status.BOOKED
    ).filter(starts_at__gte=appointment.starts_at)
    return [
        f"{local:%A, %B} {local.day} at {clock(local)}"
        for local in (location.local_time(a.starts_at) for a in booked.order_by("starts_at"))
    ]


def wording_current(kind: str, channel: str) -> ReminderWording | None:
    return (
        ReminderWording.objects.published()
        .filter(kind=kind, channel=channel)
        .order_by("-version")
        .first()
    )


def reminder_message(reminder: Reminder, *, wording=None, facts=None) -> Message:
    """The e-mail: the clinic's published wording for this reminder if there is one (or the
    one given, for a preview), else the shipped words."""
    facts = facts or reminder_facts(reminder)
    wording = wording or wording_current(reminder.kind, Channel.EMAIL)
    context = {
        "clinic_name": settings.CLINIC_NAME,
        "kind": reminder.kind,
        "name": facts.words["name"],
        "location": facts.location,
        "zone": facts.words["zone"],
        "fasting": facts.fasting,
        "facts": facts.words,
        "ends": facts.words["ends"],
        "driver_given": facts.driver_given,
        "infusion_url": facts.infusion_url,
        "checklist_url": facts.checklist_url,
        "outcomes_url": facts.outcomes_url,
        "wording": wording.body.format_map(facts.words) if wording else "",
        "series": _series(reminder) if reminder.lists_series else [],
    }
    text = render_to_string("infusions/reminders/email.txt", context)
    subject = (wording.subject if wording else SUBJECTS[reminder.kind]).format_map(facts.words)
    return Message(
        subject=subject,
        text=text,
        # The same words, with links to click: one text to keep right, not two.
        html=render_to_string("infusions/reminders/email.html", {**context, "text": text}),
    )


def reminder_sms(reminder: Reminder, *, wording=None, facts=None) -> str:
    """The text message: the clinic's name, the time and place, the one thing to do; a link
    to confirm before the infusion; how to stop them. No health details."""
    facts = facts or reminder_facts(reminder)
    wording = wording or wording_current(reminder.kind, Channel.SMS)
    words = (wording.body if wording else SMS_TEXTS[reminder.kind]).format_map(facts.words)
    text = f"{settings.CLINIC_NAME}: {words}"
    if reminder.kind != Kind.DAY_AFTER:
        text += f" Confirm: {facts.checklist_url}"
    return f"{text} Reply STOP to end texts."


def wording_problems(*texts: str) -> None:
    """Refuse braces that name no fact, with the list of those that do."""
    for text in texts:
        try:
            names = {field for _, field, _, _ in string.Formatter().parse(text) if field}
        except ValueError:
            raise ValidationError(
                "A brace is not closed. Write facts as {time}; a lone brace is not allowed."
            ) from None
        unknown = sorted(names - set(WORDING_FACTS))
        if unknown:
            raise ValidationError(
                f"Unknown in braces: {', '.join(unknown)}. Facts you can use: "
                + ", ".join(f"{{{name}}}" for name in WORDING_FACTS)
                + "."
            )


def wording_preview(wording: ReminderWording) -> str:
    """The wording as a patient would read it, for a made-up infusion at 9:00 AM (the
    morning start that makes "after midnight") at the first location."""
    location = Location.objects.listed().first() or Location(
        name="Main Street Infusion Center",
        time_zone="America/New_York",
        phone="(555) 010-0100",
        street_address="1 Main Street",
        city="Springfield",
        state="MA",
        postal_code="01101",
    )
    starts = datetime(2027, 1, 12, 9, tzinfo=ZoneInfo(location.time_zone))
    facts = _facts(
        name="Sam",
        starts_at=starts,
        ends_at=starts + timedelta(minutes=90),
        location=location,
        driver_given=False,
        infusion_url=absolute_url("/infusions/…/"),
        checklist_url=absolute_url("/infusions/prepare/…/"),
        outcomes_url=absolute_url("/infusions/how-are-you/…/"),
    )
    sample = Reminder(kind=wording.kind, channel=wording.channel)
    if wording.channel == Channel.SMS:
        return reminder_sms(sample, wording=wording, facts=facts)
    message = reminder_message(sample, wording=wording, facts=facts)
    return f"Subject: {message.subject}\n\n{message.text}"
