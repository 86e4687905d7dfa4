"""Logging a test client in as someone, the way they would be after signing in.

Staff sign in with a password and a code (clinic/accounts/second_factor.py). `log_in` skips
typing both, as `force_login` skips the password: the session ends up verified with a real
device of that person, as after a real code. Tests of the code pages themselves log in with
`client.force_login` alone. `code_now` and `code_from_key` compute what an authenticator
app would show."""

import base64
import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic.accounts.second_factor import AUTHENTICATOR_NAME, second_factor_required


def log_in(client, user):
    client.force_login(user)
    if second_factor_required(user):
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, confirmed=True, defaults={"name": AUTHENTICATOR_NAME}
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def code_now(device, *, steps_ahead=0):
    """What the device's authenticator app shows (steps_ahead=1: the next 30 seconds' code)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def code_from_key(key_shown):
    """The code an app computes from the key typed in by hand, as the setup page shows it."""
    secret = key_shown.replace(" ", "")
    secret += "=" * (-len(secret) % 8)
    return f"{TOTP(base64.b32decode(secret), 30, 0, 6, 0).token():06d}"
