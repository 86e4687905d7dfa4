"""What the intake page tests share: each step's URL and data, and reading the page back."""

import html
import re

from django.urls import reverse
from django.utils import timezone

from patients.models import Patient


def step_url(slug):
    return reverse("patients:intake_step", args=[slug])


def field_errors(page: str, field: str) -> list[str]:
    """The messages shown beside one field (crispy's error block, or the medication table's)."""
    crispy = re.findall(rf'id="error_\d+_id_{re.escape(field)}"><strong>(.*?)</strong>', page, re.S)
    table = re.findall(rf'id="id_{re.escape(field)}-error">(.*?)</div>', page, re.S)
    return [html.unescape(m).strip() for m in crispy + table]


def input_value(page: str, name: str) -> str | None:
    match = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*value="([^"]*)"', page)
    return html.unescape(match.group(1)) if match else None


def today():
    return timezone.localdate()


def years_ago(years, day=None):
    day = day or today()
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # February 29th
        return day.replace(year=day.year - years, day=28)


ABOUT_YOU = {
    "legal_first_name": "Zephyrine",
    "legal_last_name": "Ashcombe",
    "preferred_name": "Zeph",
    "date_of_birth": "1980-05-17",
    "phone": "(860) 555-0142",
    "street_address": "12 Elm Street",
    "city": "Hartford",
    "state": "CT",
    "postal_code": "06103",
}
PEOPLE = {
    "emergency_contact_name": "Morgan Ashcombe",
    "emergency_contact_phone": "860-555-0199",
    "emergency_contact_relationship": "Sister",
    "escort_name": "Morgan Ashcombe",
    "escort_phone": "860-555-0199",
}
HEALTH = {"medical_history": "Appendix out in 2001.", "allergies": "Penicillin: a rash."}


def care(location):
    return {
        "preferred_location": str(location.pk),
        "pain_conditions": ["migraine"],
        "other_condition": "",
        "referring_clinician": "",
        "referring_clinician_phone": "",
    }


def medications(*rows, none_ticked=False, initial=0):
    data = {
        "med-TOTAL_FORMS": str(len(rows)),
        "med-INITIAL_FORMS": str(initial),
        "med-MIN_NUM_FORMS": "0",
        "med-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        for key in ("name", "dose", "frequency", "prescriber", "DELETE"):
            if row.get(key):
                data[f"med-{i}-{key}"] = row[key]
    if none_ticked:
        data["takes_no_medications"] = "on"
    return data


def identity(expiry=None):
    return {
        "id_document_type": "drivers_license",
        "id_document_expiry": (expiry or years_ago(-3)).isoformat(),
    }


def all_steps(location):
    return {
        "about-you": ABOUT_YOU,
        "people": PEOPLE,
        "care": care(location),
        "health": HEALTH,
        "medications": medications(none_ticked=True),
        "identity": identity(),
    }


def the_patient(user):
    return Patient.objects.get(user=user)


SERTRALINE = {"name": "Sertraline", "dose": "50 mg", "frequency": "daily", "prescriber": "Dr Ng"}
XANAX = {"name": "Xanax .5mg"}
