"""Reading treatment plans: a patient's current plan and its appointments."""

from ..models import InfusionAppointment, TreatmentPlan


def plan_current(*, patient) -> TreatmentPlan | None:
    """The patient's active plan (at most one: a database constraint), or None."""
    return (
        TreatmentPlan.objects.filter(patient=patient, status=TreatmentPlan.Status.ACTIVE)
        .select_related(
            "location", "initial_type", "maintenance_type", "created_by", "patient__user"
        )
        .first()
    )


def plan_appointments(plan) -> list[InfusionAppointment]:
    """Every appointment booked under the plan, cancelled ones too, in time order."""
    return list(
        plan.appointments.select_related("chair__location", "appointment_type").order_by(
            "starts_at", "pk"
        )
    )
