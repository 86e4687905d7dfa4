"""Infusions as iCalendar (RFC 5545) events: the time in UTC and the place, nothing clinical,
since calendars are shared and synced to other people's devices."""

from datetime import timedelta

from icalendar import Calendar, Event

from ..models.appointments import LIVE_STATUSES

PRODID = "-//Clinic portal//infusions//EN"
REFRESH = timedelta(hours=1)  # how often a subscribed calendar should fetch the feed


def infusion_event(appointment, *, domain: str, page_url: str, sequence: int = 0) -> Event:
    location = appointment.chair.location
    event = Event()
    event.add("uid", f"infusion-{appointment.pk}@{domain}")
    event.add("dtstamp", appointment.updated_at)
    event.add("dtstart", appointment.starts_at)
    event.add("dtend", appointment.ends_at)
    event.add("summary", f"Infusion at {location.name}")
    event.add("location", f"{location.name}, {location.one_line_address}")
    event.add(
        "description",
        f"To see, move or cancel it: {page_url}\nThe clinic's phone: {location.phone}",
    )
    event.add("url", page_url)
    event.add("sequence", sequence)
    event.add("status", "CONFIRMED" if appointment.status in LIVE_STATUSES else "CANCELLED")
    return event


def infusions_ics(events, *, name: str = "") -> bytes:
    """A calendar of these events; `name`, the one a subscribed calendar shows."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", "PT1H")
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()
