"""E-mails about consultations. Each task takes an id, never a name or address."""

from datetime import datetime

from celery import shared_task
from django.conf import settings
from django.urls import reverse

from clinic.lib.mail import RETRY, absolute_url, send_templated
from clinic.lib.signed_links import make_token
from clinic.locations.selectors import on_call_addresses

from ..models import Consultation
from .calendar import consultation_ics


def manage_url(consultation_id: int) -> str:
    return absolute_url(
        reverse("patients:consultation_manage", args=[make_token("consultation", consultation_id)])
    )


def _load(consultation_id):
    return Consultation.objects.select_related("location").filter(pk=consultation_id).first()


@shared_task(**RETRY)
def send_consultation_confirmation(*, consultation_id: int, replaces: str = "") -> None:
    """The booking's confirmation; after a move, `replaces` is the old start (ISO, UTC) and
    the e-mail says the new time replaces it."""
    consultation = _load(consultation_id)
    if consultation is None or consultation.status != "booked":
        return
    link = manage_url(consultation.pk)
    domain = settings.SITE_URL.split("//")[-1].split("/")[0].split(":")[0]
    replaced = datetime.fromisoformat(replaces) if replaces else None
    subject = "has a new time" if replaced else "is booked"
    send_templated(
        to=consultation.email,
        subject=f"Your free consultation with {settings.CLINIC_NAME} {subject}",
        template="patients/consultations/email/confirmed.txt",
        context={"consultation": consultation, "manage_url": link, "replaced": replaced},
        attachment=(
            "consultation.ics",
            consultation_ics(consultation, manage_url=link, domain=domain),
            "text/calendar; method=PUBLISH",
        ),
    )


@shared_task(**RETRY)
def send_consultation_reminder(*, consultation_id: int, starts_at: str) -> None:
    """The day before: sent only if the consultation is still booked for `starts_at` (ISO,
    UTC); a move schedules another, and a cancellation leaves this one with nothing to do."""
    consultation = _load(consultation_id)
    if (
        consultation is None
        or consultation.status != "booked"
        or consultation.starts_at != datetime.fromisoformat(starts_at)
    ):
        return
    send_templated(
        to=consultation.email,
        subject=f"Tomorrow: your free consultation with {settings.CLINIC_NAME}",
        template="patients/consultations/email/reminder.txt",
        context={"consultation": consultation, "manage_url": manage_url(consultation.pk)},
    )


@shared_task(**RETRY)
def send_consultation_cancelled(*, consultation_id: int) -> None:
    consultation = _load(consultation_id)
    if consultation is None or consultation.status != "cancelled":
        return
    send_templated(
        to=consultation.email,
        subject=f"Your consultation with {settings.CLINIC_NAME} is cancelled",
        template="patients/consultations/email/cancelled.txt",
        context={
            "consultation": consultation,
            "book_url": absolute_url(reverse("patients:consultation_start")),
        },
    )


@shared_task(**RETRY)
def alert_front_desk_of_consultation(*, consultation_id: int) -> None:
    """Tell the location's front desk a consultation was booked. No patient details in it:
    the e-mail links to the staff page, behind a login."""
    consultation = _load(consultation_id)
    if consultation is None or not consultation.location.email:
        return
    staff_path = reverse("patients:staff_consultations")
    urgent = "Urgent: call today. " if consultation.is_urgent else ""
    send_templated(
        to=consultation.location.email,
        subject=f"{urgent}New consultation booked at {consultation.location.name}",
        template="patients/consultations/email/front_desk_alert.txt",
        context={
            "consultation": consultation,
            "staff_url": absolute_url(f"{staff_path}?location={consultation.location.slug}"),
        },
    )


@shared_task(**RETRY)
def send_patient_invitation(*, consultation_id: int) -> None:
    consultation = _load(consultation_id)
    if consultation is None:
        return
    invite = make_token("invite", consultation.pk)
    send_templated(
        to=consultation.email,
        subject=f"Create your patient account with {settings.CLINIC_NAME}",
        template="patients/consultations/email/patient_invitation.txt",
        context={
            "consultation": consultation,
            "signup_url": absolute_url(f"{reverse('patients:signup')}?invite={invite}"),
        },
    )


@shared_task(**RETRY)
def alert_on_call_of_crisis_consultation(*, consultation_id: int) -> None:
    """Someone who booked a consultation ticked thoughts of suicide: tell the on-call clinician
    at once, as the screening's crisis path does. No details: a link behind the login."""
    consultation = _load(consultation_id)
    if consultation is None:
        return
    recipients = on_call_addresses(consultation.location)
    if not recipients:
        return
    staff_path = reverse("patients:staff_consultations")
    send_templated(
        to=recipients,
        subject="Urgent: someone booking a consultation reported thoughts of suicide",
        template="patients/consultations/email/crisis_alert.txt",
        context={
            "location": consultation.location,
            "staff_url": absolute_url(f"{staff_path}?location={consultation.location.slug}"),
        },
    )
