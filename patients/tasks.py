"""E-mails about consultations. Each task takes an id, never a name or address."""

from celery import shared_task
from django.conf import settings
from django.urls import reverse

from clinic.lib.mail import RETRY, absolute_url, send_templated
from clinic.lib.signed_links import make_token


def manage_url(consultation_id: int) -> str:
    return absolute_url(
        reverse("patients:consultation_manage", args=[make_token("consultation", consultation_id)])
    )


def _load(consultation_id):
    from .models import Consultation

    return Consultation.objects.select_related("location").filter(pk=consultation_id).first()


@shared_task(**RETRY)
def send_consultation_confirmation(*, consultation_id: int) -> None:
    from .calendar import consultation_ics

    consultation = _load(consultation_id)
    if consultation is None or consultation.status != "booked":
        return
    link = manage_url(consultation.pk)
    domain = settings.SITE_URL.split("//")[-1].split("/")[0].split(":")[0]
    send_templated(
        to=consultation.email,
        subject=f"Your free consultation with {settings.CLINIC_NAME}",
        template="patients/email/consultation_confirmed.txt",
        context={"consultation": consultation, "manage_url": link},
        attachment=(
            "consultation.ics",
            consultation_ics(consultation, manage_url=link, domain=domain),
            "text/calendar; method=PUBLISH",
        ),
    )


@shared_task(**RETRY)
def send_consultation_cancelled(*, consultation_id: int) -> None:
    consultation = _load(consultation_id)
    if consultation is None or consultation.status != "cancelled":
        return
    send_templated(
        to=consultation.email,
        subject=f"Your consultation with {settings.CLINIC_NAME} is cancelled",
        template="patients/email/consultation_cancelled.txt",
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
    send_templated(
        to=consultation.location.email,
        subject=f"New consultation booked at {consultation.location.name}",
        template="patients/email/front_desk_alert.txt",
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
        template="patients/email/patient_invitation.txt",
        context={
            "consultation": consultation,
            "signup_url": absolute_url(f"{reverse('patients:signup')}?invite={invite}"),
        },
    )


@shared_task(**RETRY)
def send_email_confirmation(*, user_id: int) -> None:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(pk=user_id, is_active=False).first()
    if user is None:
        return
    token = make_token("confirm-email", user.pk)
    send_templated(
        to=user.email,
        subject=f"Confirm your e-mail address for {settings.CLINIC_NAME}",
        template="patients/email/confirm_email.txt",
        context={
            "user": user,
            "confirm_url": absolute_url(reverse("patients:signup_confirm", args=[token])),
        },
    )


@shared_task(**RETRY)
def render_consent_pdf(*, signature_id: int) -> None:
    """Render and store a signed consent's PDF; a second run finds it stored and stops."""
    from .consent_services import consent_store_pdf

    consent_store_pdf(signature_id=signature_id)


@shared_task
def render_missing_consent_pdfs() -> int:
    """Queue the PDF of every signed consent that has none a few minutes after signing."""
    from datetime import timedelta

    from django.utils import timezone

    from .models import ConsentSignature

    waiting = ConsentSignature.objects.filter(
        pdf="", signed_at__lt=timezone.now() - timedelta(minutes=5)
    ).values_list("pk", flat=True)
    for signature_id in waiting:
        render_consent_pdf.delay(signature_id=signature_id)
    return len(waiting)
