"""What the consultation page tests share: a visitor's answers, reading the booking pages."""

import html
import re
from datetime import timedelta

from clinic.lib.signed_links import read_token
from patients.models import Consultation

TAKEN = "Sorry, that time was just taken by someone else. Please pick another."
CONTACT = {
    "kind": "phone",
    "full_name": "Robin  Visitor",
    "email": "robin@example.com",
    "phone": "(860) 555-0142",
    "pain_conditions": ["migraine"],
    "mood_conditions": ["anxiety"],
    "other_condition": "Trouble sleeping",
    "preferred_contact_time": "evening",
}


def offered(page: str) -> list[tuple[str, str]]:
    """The times a page offers, as (value sent, label shown)."""
    return [
        (value, " ".join(html.unescape(label).split()))
        for value, label in re.findall(
            r'name="slot" value="([^"]+)"[^>]*>\s*<label[^>]*>(.*?)</label>', page, re.S
        )
    ]


def chosen_day(page: str) -> str:
    return re.search(r'<input type="hidden" name="day" value="([^"]*)"', page).group(1)


def day_links(page: str) -> list[str]:
    return re.findall(r'href="\?[^"]*day=(\d{4}-\d\d-\d\d)#times"', page)


def field_errors(page: str, field: str) -> list[str]:
    found = re.findall(rf'id="error_\d+_id_{field}"><strong>(.*?)</strong>', page, re.S)
    return [html.unescape(m) for m in found]


def input_value(page: str, name: str) -> str | None:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page)
    return html.unescape(match.group(1)) if match else None


def is_checked(page: str, name: str, value: str) -> bool:
    return bool(re.search(rf'name="{name}" value="{value}"[^>]*\bchecked\b', page))


def first_time(client, url) -> tuple[str, str, str]:
    """(day, slot value, label) of the first time the booking page offers."""
    page = client.get(url).text
    value, label = offered(page)[0]
    return chosen_day(page), value, label


def booked_through_the_page(client, url, **contact):
    day, value, _ = first_time(client, url)
    response = client.post(url, {**CONTACT, **contact, "day": day, "slot": value})
    assert response.status_code == 302, field_errors(response.text, "slot")
    return Consultation.objects.get(pk=token_pk(response["Location"])), response["Location"]


def token_pk(manage_url: str) -> int:
    token = re.search(r"/consultation/manage/([^/]+)/", manage_url).group(1)
    return read_token("consultation", token)


def take_directly(location, consultant, starts_at, email="someone@example.com"):
    return Consultation.objects.create(
        location=location,
        consultant=consultant,
        kind="phone",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=location.consultation_minutes),
        full_name="Someone Else",
        email=email,
        phone="+18605550100",
        conditions=["ptsd"],
    )
