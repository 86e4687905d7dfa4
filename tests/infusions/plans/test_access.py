"""Who may open each plan page, and that one patient never reaches another's plan."""

import pytest
from django.urls import reverse

from infusions.models import InfusionAppointment, TreatmentPlan
from tests.access import ALLOWED, FORBIDDEN, NOT_FOUND, assert_responds, matrix

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "expected"),
    matrix(front_desk=ALLOWED, clinician=ALLOWED, clinic_admin=ALLOWED).items(),
)
def test_staff_who_see_plans_open_the_plan(client_as, plan, persona, expected):
    url = reverse("infusions:plan_detail", args=[plan.patient.pk])

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert ("Initial-series infusion" in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize(("persona", "expected"), matrix(clinician=ALLOWED).items())
def test_only_clinicians_open_the_plan_form(client_as, cleared, persona, expected):
    url = reverse("infusions:plan_edit", args=[cleared.pk])

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert ("Save the plan" in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize("persona", ("patient", "front_desk", "clinic_admin"))
def test_those_who_do_not_set_plans_cannot_post_one(
    client_as, cleared, location, initial_type, persona
):
    url = reverse("infusions:plan_edit", args=[cleared.pk])

    response = client_as(persona).post(
        url, {"location": location.pk, "initial_type": initial_type.pk}
    )

    assert response.status_code == FORBIDDEN
    assert not TreatmentPlan.objects.exists()


@pytest.mark.parametrize(
    ("persona", "expected"), matrix(front_desk=ALLOWED, clinic_admin=ALLOWED).items()
)
def test_only_those_who_book_open_the_proposal(client_as, plan, persona, expected):
    url = reverse("infusions:plan_propose", args=[plan.patient.pk])

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert ("Book all" in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize("persona", ("patient", "clinician"))
def test_those_who_do_not_book_cannot_post_a_proposal(client_as, plan, persona):
    url = reverse("infusions:plan_propose", args=[plan.patient.pk])

    response = client_as(persona).post(url, {"line-TOTAL_FORMS": "0"})

    assert response.status_code == FORBIDDEN
    assert not InfusionAppointment.objects.exists()


@pytest.mark.parametrize(("persona", "expected"), matrix(patient=ALLOWED).items())
def test_only_a_patient_opens_their_plan_page(client_as, plan, persona, expected):
    url = reverse("infusions:my_plan")

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert ("Book these times" in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize("name", ("plan_detail", "plan_edit", "plan_propose"))
def test_a_staff_page_for_a_patient_who_does_not_exist_is_not_found(client_as, name):
    persona = {"plan_edit": "clinician"}.get(name, "front_desk")

    response = client_as(persona).get(reverse(f"infusions:{name}", args=[987654]))

    assert response.status_code == NOT_FOUND


def test_a_second_patient_sees_only_their_own_plan(client_as, plan, other_plan):
    response = client_as("other_patient").get(reverse("infusions:my_plan"))

    assert response.status_code == ALLOWED
    # Theirs is three infusions with no maintenance; the first patient's is six and three.
    assert "3 × Initial-series infusion" in response.text
    assert "6 × Initial-series infusion" not in response.text
    assert response.context["plan"] == other_plan


def test_a_second_patient_without_a_plan_is_told_so(client_as, plan, other_cleared):
    response = client_as("other_patient").get(reverse("infusions:my_plan"))

    assert "has not set a treatment plan" in response.text
    assert "Initial-series infusion" not in response.text


def test_a_second_patient_cannot_open_the_staff_plan_pages(client_as, plan, other_cleared):
    client = client_as("other_patient")
    for name in ("plan_detail", "plan_edit", "plan_propose"):
        response = client.get(reverse(f"infusions:{name}", args=[plan.patient.pk]))
        assert response.status_code == FORBIDDEN


def test_a_second_patient_cannot_book_the_first_patients_proposal(
    client, client_as, plan, other_plan
):
    shown = client_as("patient").get(reverse("infusions:my_plan"))
    token = shown.context["proposal_token"]
    client.logout()

    response = client_as("other_patient").post(reverse("infusions:my_plan"), {"proposal": token})

    assert response.status_code == 400
    assert not InfusionAppointment.objects.exists()
