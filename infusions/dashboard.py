"""Booking infusions on the patient's home page: the step, and the infusions booked."""

from django.utils import timezone

from patients.consent.selectors import consent_latest_for_patient
from patients.dashboard.sections import Section
from screening.selectors import screening_latest_for_patient

from .eligibility import infusion_eligibility
from .models import TreatmentPlan, WaitlistEntry
from .models.appointments import Status
from .reminders.preparation import fasting_for


def _context(request, patient) -> dict:
    return {
        "eligibility": infusion_eligibility(patient=patient),
        "screening": screening_latest_for_patient(patient=patient),
        "consent_signed": consent_latest_for_patient(patient),
        # Booked, or under way today: each links to its own page, with its preparation times.
        "infusions": [
            (infusion, fasting_for(infusion.starts_at, infusion.chair.location.time_zone))
            for infusion in patient.infusions.open()
            .filter(ends_at__gte=timezone.now())
            .select_related("chair__location")
        ],
        # The last visits, each with its summary and aftercare.
        "visits": list(
            patient.infusions.filter(status=Status.DISCHARGED)
            .select_related("chair__location")
            .order_by("-starts_at")[:3]
        ),
        "has_plan": TreatmentPlan.objects.filter(
            patient=patient, status=TreatmentPlan.Status.ACTIVE
        ).exists(),
        "waiting_at": WaitlistEntry.objects.filter(
            patient=patient, status=WaitlistEntry.Status.WAITING
        ).count(),
    }


SECTION = Section(
    name="infusions",
    order=40,
    context=_context,
    step_template="infusions/_dashboard_step.html",
    upcoming_template="infusions/_dashboard_upcoming.html",
)
