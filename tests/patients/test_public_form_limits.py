"""Forms a visitor can send without logging in are limited per network address: past the
limit the page says to wait (429) instead of taking more."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "per_hour"),
    [
        (reverse("patients:intake_step", args=["about-you"]), 120),
        (reverse("screening:questionnaire"), 60),
    ],
)
def test_a_visitors_posts_are_limited_per_address(client, url, per_hour):
    answers = [client.post(url, {}).status_code for _ in range(per_hour)]

    refused = client.post(url, {})
    elsewhere = client.post(url, {}, REMOTE_ADDR="198.51.100.9")

    assert 429 not in answers
    assert refused.status_code == 429
    assert elsewhere.status_code != 429
