from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def staff_two_factor_on(app_configs, **kwargs):
    if settings.STAFF_TWO_FACTOR:
        return []
    return [
        Warning(
            "STAFF_TWO_FACTOR is off: staff sign in to patients' records with a password alone.",
            hint="Unset STAFF_TWO_FACTOR (it is on by default) outside a local demo.",
            id="accounts.W001",
        )
    ]
