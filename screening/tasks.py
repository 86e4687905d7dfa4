"""E-mails about screenings. Tasks take ids; the messages carry no patient details, only a
link that needs a clinician's login."""

from celery import shared_task
from django.urls import reverse

from clinic.lib.mail import RETRY, absolute_url, send_templated
from clinic.locations.selectors import on_call_addresses

from .models import Screening


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
