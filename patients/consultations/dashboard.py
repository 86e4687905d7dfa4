"""The patient's upcoming consultations on their home page, each with its signed link."""

from django.utils import timezone

from clinic.lib.signed_links import make_token

from ..dashboard.sections import Section
from ..models import Consultation


def _context(request, patient) -> dict:
    upcoming = (
        Consultation.objects.upcoming(timezone.now())
        .filter(email__iexact=request.user.email)
        .select_related("location")
    )
    return {"consultations": [(c, make_token("consultation", c.pk)) for c in upcoming]}


SECTION = Section(
    name="consultations",
    order=10,
    context=_context,
    upcoming_template="patients/consultations/_dashboard_upcoming.html",
)
