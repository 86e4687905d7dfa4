"""Reads about locations that other apps share."""

from django.contrib.auth import get_user_model

from clinic.accounts.roles import Role

from .models import Location


def on_call_addresses(location: Location | None) -> list[str]:
    """Who hears of a patient in crisis at this location: its on-call clinician, or every
    active clinician when none is named, so an urgent alert always reaches someone."""
    if location is not None and location.on_call_clinician_id:
        on_call = location.on_call_clinician
        if on_call.is_active:
            return [on_call.email]
    return list(
        get_user_model()
        .objects.filter(is_active=True, groups__name=Role.CLINICIAN.value)
        .order_by("pk")
        .values_list("email", flat=True)
    )
