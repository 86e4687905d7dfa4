"""The drug editor answers a NUL byte with a message beside the field, never a server error
(PostgreSQL's jsonb cannot store one)."""

import pytest
from django.urls import reverse

from screening.models import Drug

pytestmark = pytest.mark.django_db

NEW_DRUG = {
    "generic_name": "examplazine",
    "brand_names": "",
    "drug_class": "benzodiazepine",
    "severity": "reduced_effectiveness",
    "notes": "",
    "is_active": "on",
}


@pytest.mark.parametrize("field", ["brand_names", "generic_name", "notes"])
def test_a_nul_byte_is_refused_beside_the_field(client_as, field):
    response = client_as("clinician").post(
        reverse("screening:drug_add"), {**NEW_DRUG, field: "Exam\x00pla"}
    )

    assert response.status_code == 200
    assert "Null characters are not allowed." in response.text
    assert not Drug.objects.filter(generic_name__startswith="exam").exists()


@pytest.mark.parametrize(
    "forged",
    [
        {"form-TOTAL_FORMS": "40"},  # more questions than the draft has: the edit adds none
        {"form-0-id": "not-a-question"},
    ],
)
def test_a_forged_draft_form_is_answered_with_its_errors(client_as, draft, forged):
    from screening.models import Question

    from .helpers import formset_data

    before = list(Question.objects.filter(version=draft).values())

    response = client_as("clinician").post(
        reverse("screening:questionnaire_version", args=[draft.number]),
        {**formset_data(draft), **forged},
    )

    assert response.status_code == 200
    assert list(Question.objects.filter(version=draft).values()) == before
