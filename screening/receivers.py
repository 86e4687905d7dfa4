"""What screening does when the patients app announces a change (connected in `apps.py`)."""

from .services import screening_recheck_after_change


def recheck_after_intake_change(sender, *, patient, what: str, **kwargs) -> None:
    """A changed intake step or medication list runs the rules again and, after a decision,
    reopens the review: inside the transaction that saved the change."""
    screening_recheck_after_change(patient=patient, what=what)
