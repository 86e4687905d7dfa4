from .models import AccessEvent


def access_record(*, actor, patient, record: str, action: str = "viewed") -> AccessEvent:
    """Write down that `actor` saw (or downloaded) `record` of `patient`."""
    return AccessEvent.objects.create(actor=actor, patient=patient, record=record, action=action)
