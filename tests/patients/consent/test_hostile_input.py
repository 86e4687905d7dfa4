"""Checking a stored consent PDF by its number answers anything that is not one with a
message beside the field, never a server error."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

DIGITS_ONLY = "Write the number with the digits 0 to 9, as printed on the PDF."
NOT_FOUND = "No stored PDF has that number."


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("²", DIGITS_ONLY),  # str.isdigit() says yes, int() says no
        ("١٢", DIGITS_ONLY),  # Arabic-Indic digits: int() reads 12
        ("12 ", NOT_FOUND),  # spaces around are forgiven
        ("9" * 19, NOT_FOUND),  # more than the largest number a record can have
        ("9" * 5000, NOT_FOUND),  # more digits than int() converts
    ],
)
def test_a_consent_number_that_cannot_be_one_is_explained_beside_the_field(client_as, typed, said):
    response = client_as("clinician").post(
        reverse("patients:staff_consent_verify"), {"signature": typed}
    )

    assert response.status_code == 400
    assert f'id="signature-error">{said}</div>' in response.text
    assert f'value="{typed.strip()}"' in response.text
