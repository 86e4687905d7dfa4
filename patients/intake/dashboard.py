"""The intake's step on the patient's home page."""

from ..dashboard.sections import Section
from . import steps


def _context(request, patient) -> dict:
    return {
        "progress": steps.progress_percent(patient.intake_steps_done),
        "next_step": steps.first_unfinished(patient.intake_steps_done),
    }


SECTION = Section(
    name="intake",
    order=10,
    context=_context,
    step_template="patients/intake/_dashboard_step.html",
)
