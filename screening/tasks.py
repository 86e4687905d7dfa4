"""E-mails about screenings. Tasks take ids; the messages carry no patient details, only a
link that needs a clinician's login."""

from celery import shared_task
from django.contrib.auth import get_user_model
from django.urls import reverse

from clinic.accounts.roles import Role
from clinic.lib.mail import RETRY, absolute_url, send_templated

from .models import Screening


def on_call_addresses(location) -> list[str]:
    """The location's on-call clinician, or every active clinician when none is named: an
    urgent flag must reach someone."""
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


@shared_task(**RETRY)
def alert_on_call_of_urgent_screening(*, screening_id: int) -> None:
    screening = (
        Screening.objects.select_related("patient__preferred_location__on_call_clinician")
        .filter(pk=screening_id)
        .first()
    )
    if screening is None:
        return
    recipients = on_call_addresses(screening.patient.preferred_location)
    if not recipients:
        return
    send_templated(
        to=recipients,
        subject="Urgent: a patient reported thoughts of suicide",
        template="screening/email/urgent_alert.txt",
        context={
            "review_url": absolute_url(reverse("screening:review", args=[screening.pk])),
            "location": screening.patient.preferred_location,
        },
    )
