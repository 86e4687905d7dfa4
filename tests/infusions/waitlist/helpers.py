"""What the waitlist tests share: more cleared patients, and the link an offer's e-mail holds."""

from django.urls import reverse

from infusions.waitlist.tasks import claim_token
from tests.factories import consent_signed_by
from tests.infusions.booking import Outcome
from tests.screening.factories import PatientFactory, decide, submit


def cleared_record(location, clinician, **fields):
    """A patient (with their own account unless `user` is given) cleared for infusions."""
    record = PatientFactory(preferred_location=location, takes_no_medications=True, **fields)
    consent_signed_by(record)
    decide(submit(record), clinician, Outcome.CLEARED)
    return record


def claim_path(invite) -> str:
    return reverse("infusions:waitlist_claim", args=[claim_token(invite.pk)])
