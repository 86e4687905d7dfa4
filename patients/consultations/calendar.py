"""The .ics file that puts a consultation in the person's own calendar."""

from django.conf import settings
from icalendar import Calendar, Event

from ..models import Consultation


def consultation_ics(consultation: Consultation, *, manage_url: str, domain: str) -> bytes:
    location = consultation.location
    calendar = Calendar()
    calendar.add("prodid", "-//Ketamine clinic portal//consultations//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"consultation-{consultation.pk}@{domain}")
    event.add("dtstamp", consultation.created_at)
    event.add("dtstart", consultation.starts_at)
    event.add("dtend", consultation.ends_at)
    event.add("summary", f"Free consultation with {settings.CLINIC_NAME}")
    if consultation.kind == Consultation.Kind.IN_PERSON:
        event.add("location", f"{location.name}, {location.one_line_address}")
        how = f"In person at {location.name}, {location.one_line_address}."
    else:
        event.add("location", "By phone")
        how = f"By phone: we will call you. Questions before then: {location.phone}."
    event.add("description", f"{how}\nTo cancel or change the time: {manage_url}")
    event.add("sequence", int(consultation.history.count()))
    event.add("status", "CONFIRMED" if consultation.status == "booked" else "CANCELLED")
    calendar.add_component(event)
    return calendar.to_ical()
