"""A patient asks to close their account; a clinic admin closes it and every record stays."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from clinic.outbox.models import Email
from infusions.models import InfusionAppointment, InfusionRecord
from patients.models import ClosureRequest, ConsentSignature, Patient
from patients.rights.services import closure_request
from patients.rights.tasks import alert_clinic_admins_of_closure_request
from screening.models import Screening


def ask(client, patient, **data):
    client.force_login(patient)
    return client.post(reverse("patients:my_data"), data)


def test_it_refuses_a_request_without_the_confirmation_and_keeps_the_reason(
    client, patient, cleared
):
    response = ask(client, patient, reason="Moving to another state")

    assert response.status_code == 200
    assert "Tick the box to confirm" in response.content.decode()
    assert response.context["form"].errors["confirm"]
    assert "Moving to another state" in response.content.decode()
    assert not ClosureRequest.objects.exists()


def test_an_empty_form_is_refused_with_the_error_beside_the_box(client, patient, cleared):
    response = ask(client, patient)

    assert response.status_code == 200
    assert 'id="confirm-error"' in response.content.decode()
    assert not ClosureRequest.objects.exists()


def test_a_confirmed_request_is_made_and_shown_as_pending(client, patient, cleared):
    response = ask(client, patient, reason="Moving away", confirm="on")

    assert response.status_code == 302
    request = ClosureRequest.objects.get()
    assert request.patient == cleared
    assert request.reason == "Moving away"
    assert request.status == ClosureRequest.Status.OPEN
    page = client.get(reverse("patients:my_data")).content.decode()
    assert "is pending" in page


def test_the_clinic_admins_are_told_by_email(client, patient, cleared):
    ask(client, patient, confirm="on")
    request = ClosureRequest.objects.get()

    assert Email.objects.filter(
        task=alert_clinic_admins_of_closure_request.name,
        kwargs__closure_request_id=request.pk,
    ).exists()


def test_the_email_goes_to_the_clinic_admins_and_names_no_patient(
    cleared, clinic_admin, mailoutbox
):
    request = closure_request(cleared, reason="Moving away")
    alert_clinic_admins_of_closure_request(closure_request_id=request.pk)

    # The outbox may have sent it already, on commit; every copy is the same.
    sent = [m for m in mailoutbox if m.subject == "A patient asked to close their account"]
    assert sent
    for message in sent:
        assert message.to == [clinic_admin.email]
        assert "Quill" not in message.body
        assert "Moving away" not in message.body
        assert f"/admin/patients/closurerequest/{request.pk}/" in message.body


def test_it_allows_one_open_request_at_a_time(client, patient, cleared):
    ask(client, patient, confirm="on")
    ask(client, patient, confirm="on")

    assert ClosureRequest.objects.count() == 1
    with pytest.raises(ValidationError):
        closure_request(cleared, reason="again")
    assert ClosureRequest.objects.count() == 1


def test_the_admin_action_closes_the_account_and_keeps_the_records(
    admin_client, admin_user, patient, cleared, charted
):
    request = closure_request(cleared, reason="")
    response = admin_client.post(
        reverse("admin:patients_closurerequest_changelist"),
        {"action": "close_account", "_selected_action": [request.pk]},
    )

    assert response.status_code == 302
    request.refresh_from_db()
    patient.refresh_from_db()
    assert request.status == ClosureRequest.Status.DONE
    assert request.handled_by == admin_user
    assert request.handled_at is not None
    assert patient.is_active is False
    assert Patient.objects.filter(pk=cleared.pk).exists()
    assert ConsentSignature.objects.filter(patient=cleared).exists()
    assert Screening.objects.filter(patient=cleared).exists()
    assert InfusionAppointment.objects.filter(patient=cleared).exists()
    assert InfusionRecord.objects.filter(appointment__patient=cleared).exists()


def test_after_closing_a_patient_may_ask_again(cleared, admin_user):
    from patients.rights.services import closure_handle

    closure_handle(closure_request(cleared), by=admin_user, note="Done by phone")

    assert closure_request(cleared).status == ClosureRequest.Status.OPEN


def test_a_clinic_admin_closes_the_account_from_the_admin(client_as, patient, cleared):
    from clinic.accounts.models import User

    request = closure_request(cleared, reason="Moving away")
    admin = client_as("clinic_admin")

    listing = admin.get(reverse("admin:patients_closurerequest_changelist"))
    closed = admin.post(
        reverse("admin:patients_closurerequest_changelist"),
        {"action": "close_account", "_selected_action": [request.pk]},
    )

    assert listing.status_code == 200
    assert closed.status_code == 302
    assert User.objects.get(pk=patient.pk).is_active is False


@pytest.mark.parametrize("persona", ["front_desk", "clinician"])
def test_other_staff_do_not_see_closure_requests(db, client_as, persona):
    response = client_as(persona).get(reverse("admin:patients_closurerequest_changelist"))

    assert response.status_code in (302, 403)
