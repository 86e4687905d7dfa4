from .middleware import request_address
from .models import AccessEvent


def access_record(*, actor, patient, record: str, action: str = "viewed") -> AccessEvent:
    """Write down that `actor` saw, downloaded or changed `record` of `patient`, and from
    which network address (that of the request at work, if any)."""
    return AccessEvent.objects.create(
        actor=actor,
        patient=patient,
        record=record,
        action=action,
        from_address=request_address.get(),
    )
