"""A patient's private calendar address: made on request, stopped on request (a new one can
then be made; the old one answers nothing again)."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import CalendarFeed


def calendar_feed_of(patient) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(patient=patient, revoked_at__isnull=True).first()


def calendar_feed_create(*, patient) -> CalendarFeed:
    """The patient's live feed, made if they have none. Two clicks at once make one: the
    database allows one live feed a patient, and the second click gets the first's."""
    existing = calendar_feed_of(patient)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return CalendarFeed.objects.create(patient=patient)
    except IntegrityError:
        return calendar_feed_of(patient)


def calendar_feed_revoke(*, patient) -> bool:
    """Stop the patient's live feed; False if there was none."""
    return bool(
        CalendarFeed.objects.filter(patient=patient, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    )
