"""What the two-step sign-in tests share: staff personas, an app set up, the redirect."""

from urllib.parse import parse_qs, urlsplit

from django.urls import reverse
from django.utils import timezone

from clinic.accounts import second_factor
from tests.logins import code_now

STAFF_PERSONAS = ("front_desk", "clinician", "clinic_admin")


def set_up_authenticator(user):
    device = second_factor.authenticator_for_setup(user, None)
    confirmed = second_factor.authenticator_confirm(user, device.pk, code_now(device))
    assert confirmed is not None
    return confirmed


def sent_to_second_step(response, url):
    assert response.status_code == 302, response.status_code
    location = urlsplit(response["Location"])
    assert location.path == reverse("second_factor")
    assert parse_qs(location.query)["next"] == [url]
    return True


def after_wrong_codes(device, count):
    """The device as it is right after `count` wrong codes in a row."""
    device.throttling_failure_count = count
    device.throttling_failure_timestamp = timezone.now()
    device.save()
