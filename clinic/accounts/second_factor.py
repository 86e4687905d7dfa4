"""Two-step sign-in for staff: a password, then a code from an authenticator app.

django-otp keeps the devices and checks the codes (each code once, with a growing delay
after wrong ones); this module says who needs a second step and sets a person up with an
authenticator app and a sheet of one-time backup codes.
"""

import base64
import math
import re
from dataclasses import dataclass
from datetime import timedelta

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic.outbox.services import email_enqueue

from . import tasks
from .models import User
from .permissions import is_staff_account

AUTHENTICATOR_NAME = "Authenticator app"
BACKUP_CODES_NAME = "Backup codes"
BACKUP_CODE_COUNT = 10


def second_factor_required(user) -> bool:
    """Does this signed-in person need a code as well as their password? Anyone who can
    reach patients' records or the site's settings (the staff area or the Django admin), and
    a patient who chose to."""
    if not user.is_authenticated:
        return False
    if user.second_factor_chosen:
        return True
    return settings.STAFF_TWO_FACTOR and is_staff_account(user)


def has_second_factor(user) -> bool:
    """Has the person an authenticator app set up (so they verify, rather than set up)?
    A clinic admin resets a lost phone by deleting the app's device; leftover backup codes
    then do not stand in the way of setting up the new phone."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def authenticator_for_setup(user, pending_id: int | None) -> TOTPDevice:
    """The authenticator this browser is setting up: the one whose id its session keeps, so
    a code scanned before a reload still works, or else a new one. Each session gets its
    own key, so no one else signed in with the same password sees the key being set up."""
    device = TOTPDevice.objects.filter(pk=pending_id, user=user, confirmed=False).first()
    if device is not None:
        return device
    # Keys shown a day ago and never confirmed are of no use to anyone.
    TOTPDevice.objects.filter(
        user=user, confirmed=False, created_at__lt=timezone.now() - timedelta(days=1)
    ).delete()
    return TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def authenticator_key(device: TOTPDevice) -> str:
    """The secret in the form authenticator apps take by hand, in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def authenticator_qr_data_url(device: TOTPDevice) -> str:
    """The device's otpauth:// address as a QR code, an SVG inlined as a data: URL (the
    Content-Security-Policy allows data: images, and nothing is fetched)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()


@dataclass(frozen=True)
class Confirmed:
    device: TOTPDevice
    backup_codes: list[str]


def authenticator_confirm(user, device_id: int, code: str) -> Confirmed | None:
    """Confirm the authenticator being set up with a code it shows, and issue backup codes.
    None when the code is wrong or the person already has an app (a new one then goes
    through a clinic admin, so a stolen password cannot add a phone). Keys other sessions
    were shown, and never confirmed, are dropped."""
    with transaction.atomic():
        # One confirmation at a time per person, so two sessions cannot both link an app.
        User.objects.select_for_update().get(pk=user.pk)
        if has_second_factor(user):
            return None
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(pk=device_id, user=user, confirmed=False)
            .first()
        )
        if device is None or not device.verify_token(normalize_code(code)):
            return None
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        if not is_staff_account(user):
            # A patient who set up an app has chosen two steps from now on.
            User.objects.filter(pk=user.pk).update(second_factor_chosen=True)
            user.second_factor_chosen = True
        codes = backup_codes_replace(user)
        email_enqueue(tasks.send_second_factor_notice, user_id=user.pk)
        return Confirmed(device, codes)


def second_factor_stop(user) -> None:
    """A patient goes back to signing in with the password alone: their app and backup
    codes stop working. Staff cannot: a clinic admin resets a lost phone instead."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        User.objects.filter(pk=user.pk).update(second_factor_chosen=False)
        user.second_factor_chosen = False


def backup_codes_replace(user) -> list[str]:
    """A fresh sheet of one-time codes; the codes of any earlier sheet stop working."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_CODES_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@dataclass(frozen=True)
class CheckResult:
    device: object | None
    wait_seconds: int = 0  # > 0: too many wrong codes lately; nothing was checked


def second_factor_check(user, code: str) -> CheckResult:
    """Check a code: six digits against the authenticator app, anything else against the
    backup codes, so a mistyped app code never holds up the backup codes. After wrong codes
    a device refuses to check for a while (1 s, then 2, 4, ...); the result says how long."""
    code = normalize_code(code)
    model = TOTPDevice if re.fullmatch(r"\d{6}", code) else StaticDevice
    wait = 0
    for device in model.objects.devices_for_user(user, confirmed=True):
        if device_wait := wait_seconds(device):
            wait = max(wait, device_wait)
            continue
        verified = django_otp.verify_token(user, device.persistent_id, code)
        if verified is not None:
            return CheckResult(verified)
    return CheckResult(None, wait_seconds=wait)


def wait_seconds(device) -> int:
    """How long the device refuses to check codes after wrong ones (0: it checks now)."""
    allowed, details = device.verify_is_allowed()
    if allowed:
        return 0
    locked_until = (details or {}).get("locked_until")
    if locked_until is None:
        return 1
    return max(1, math.ceil((locked_until - timezone.now()).total_seconds()))


def normalize_code(code: str) -> str:
    """Codes are typed with spaces or dashes now and then; backup codes in either case."""
    return "".join(code.split()).replace("-", "").lower()
