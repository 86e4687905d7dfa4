"""Telephone numbers as patients type them: checked and written one way (E.164)."""

import phonenumbers
from django.core.exceptions import ValidationError

DEFAULT_REGION = "US"


def normalize_phone(value: str) -> str:
    """'(860) 555-0142' -> '+18605550142'; raises ValidationError when it cannot be a number."""
    try:
        number = phonenumbers.parse(value, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_possible_number(number):
        raise ValidationError(
            "Enter a phone number we can call, such as (555) 010-0142 or +1 555 010 0142.",
            code="invalid_phone",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
