"""The safety questions' step on the patient's home page, with a clinician's open question."""

from patients.dashboard.sections import Section

from .forms import ReplyForm
from .models import ScreeningDecision
from .selectors import screening_latest_for_patient


def _context(request, patient) -> dict:
    screening = screening_latest_for_patient(patient=patient)
    asked = None
    if screening is not None and screening.status == screening.Status.INFO_REQUESTED:
        asked = screening.decisions.filter(outcome=ScreeningDecision.Outcome.INFO_REQUESTED).last()
    return {
        "screening": screening,
        "request_decision": asked,
        "form": ReplyForm() if asked else None,
    }


SECTION = Section(
    name="screening",
    order=20,
    context=_context,
    step_template="screening/_dashboard_step.html",
)
