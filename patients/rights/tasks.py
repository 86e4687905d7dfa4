"""E-mails about closure requests. Tasks take ids; the message names no patient, only a link
to the request in the admin, behind a login."""

from celery import shared_task
from django.contrib.auth import get_user_model
from django.urls import reverse

from clinic.accounts.roles import Role
from clinic.lib.mail import RETRY, absolute_url, send_templated

from ..models import ClosureRequest


def clinic_admin_addresses() -> list[str]:
    """Every active clinic admin: they handle closure requests in the admin."""
    return list(
        get_user_model()
        .objects.filter(is_active=True, groups__name=Role.CLINIC_ADMIN.value)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
    )


@shared_task(**RETRY)
def alert_clinic_admins_of_closure_request(*, closure_request_id: int) -> None:
    request = ClosureRequest.objects.filter(pk=closure_request_id).first()
    if request is None or request.status != ClosureRequest.Status.OPEN:
        return
    recipients = clinic_admin_addresses()
    if not recipients:
        return
    send_templated(
        to=recipients,
        subject="A patient asked to close their account",
        template="patients/rights/email/closure_requested.txt",
        context={
            "admin_url": absolute_url(
                reverse("admin:patients_closurerequest_change", args=[request.pk])
            ),
        },
    )
