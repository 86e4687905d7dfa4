"""Logging a test client in as someone, the way they would be after signing in.

Staff sign in with a password and a code (clinic/accounts/second_factor.py). `log_in` skips
typing both, as `force_login` skips the password: the session ends up verified with a real
device of that person, as after a real code. Tests of the code pages themselves log in with
`client.force_login` alone."""

from django_otp import DEVICE_ID_SESSION_KEY
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
