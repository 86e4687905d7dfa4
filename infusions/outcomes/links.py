"""The signed link to an infusion's outcome check: no login, only the appointment's id inside.

The reminders put it in their messages; the patient's progress page links it too."""

from django.urls import reverse

from clinic.lib.mail import absolute_url
from clinic.lib.signed_links import make_token

# The purpose of the signed link to an infusion's outcome check (infusions/outcomes).
OUTCOMES_LINK = "infusion-outcomes"


def outcomes_check_path(appointment_pk: int) -> str:
    return reverse("infusions:outcomes_check", args=[make_token(OUTCOMES_LINK, appointment_pk)])


def outcomes_check_url(appointment_pk: int) -> str:
    """The full address, for e-mails and texts."""
    return absolute_url(outcomes_check_path(appointment_pk))
