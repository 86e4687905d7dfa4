"""What a reminder says: its subject and its body, as plain text and HTML. The facts only
(when, where, how to prepare): never a diagnosis, a medication or a dose."""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from clinic.lib.mail import absolute_url
from clinic.lib.signed_links import make_token
from clinic.lib.timezones import zone_name_for_people

from ..models import Reminder
from .preparation import clock, fasting_for

Kind = Reminder.Kind
# The purpose of the signed link to an infusion's preparation checklist (infusions/checklist).
CHECKLIST_LINK = "infusion-checklist"

SUBJECTS = {
    Kind.CONFIRMATION: "Your infusion on {day} at {time}: booked, and how to prepare",
    Kind.TWO_DAYS: "In two days: your infusion on {day} at {time}",
    Kind.EVENING_BEFORE: "Tomorrow at {time}: nothing to eat {stop_eating}",
    Kind.MORNING_OF: "Today at {time}: your infusion at {location}",
    Kind.DAY_AFTER: "How are you after yesterday's infusion?",
}


@dataclass(frozen=True)
class Message:
    subject: str
    text: str
    html: str


def reminder_message(reminder: Reminder) -> Message:
    appointment = reminder.appointment
    location = appointment.chair.location
    fasting = fasting_for(reminder.for_starts_at, location.time_zone)
    facts = {
        "day": f"{fasting.starts:%A, %B} {fasting.starts.day}",
        "time": clock(fasting.starts),
        "location": location.name,
        "stop_eating": fasting.stop_eating_words,
    }
    context = {
        "clinic_name": settings.CLINIC_NAME,
        "kind": reminder.kind,
        "name": appointment.patient.display_name,
        "location": location,
        "zone": zone_name_for_people(location.time_zone),
        "fasting": fasting,
        "facts": facts,
        "ends": clock(appointment.ends_at.astimezone(fasting.starts.tzinfo)),
        "driver_given": bool(appointment.driver_name and appointment.driver_phone),
        "infusion_url": absolute_url(reverse("infusions:my_infusion", args=[appointment.pk])),
        "checklist_url": absolute_url(
            reverse("infusions:checklist", args=[make_token(CHECKLIST_LINK, appointment.pk)])
        ),
    }
    text = render_to_string("infusions/reminders/email.txt", context)
    return Message(
        subject=SUBJECTS[reminder.kind].format(**facts),
        text=text,
        # The same words, with links to click: one text to keep right, not two.
        html=render_to_string("infusions/reminders/email.html", {**context, "text": text}),
    )


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


def reminder_sms(reminder: Reminder) -> str:
    """The text message: the clinic's name, the time and place, the one thing to do; a link
    to confirm before the infusion; how to stop them. No health details."""
    appointment = reminder.appointment
    location = appointment.chair.location
    fasting = fasting_for(reminder.for_starts_at, location.time_zone)
    words = SMS_TEXTS[reminder.kind].format(
        day=f"{fasting.starts:%a %b} {fasting.starts.day}",
        time=clock(fasting.starts),
        location=location.name,
        stop_eating=fasting.stop_eating_words,
        stop_drinking=fasting.stop_drinking_words,
        phone=location.phone,
    )
    text = f"{settings.CLINIC_NAME}: {words}"
    if reminder.kind != Kind.DAY_AFTER:
        token = make_token(CHECKLIST_LINK, appointment.pk)
        text += f" Confirm: {absolute_url(reverse('infusions:checklist', args=[token]))}"
    return f"{text} Reply STOP to end texts."
