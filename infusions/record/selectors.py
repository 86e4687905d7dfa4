"""Reading the record: the appointment with what the chart shows, the vital signs with their
bounds, and the amendments made after signing beside what they replaced."""

from dataclasses import dataclass
from datetime import datetime

from django.shortcuts import get_object_or_404

from ..models import InfusionAppointment, InfusionRecord, SideEffect
from .bounds import readings_of


def appointment_for_chart(*, pk: int) -> InfusionAppointment:
    return get_object_or_404(
        InfusionAppointment.objects.select_related(
            "patient", "chair__location", "appointment_type", "plan", "record__signed_by"
        ),
        pk=pk,
    )


def vitals_with_bounds(record) -> list[tuple]:
    """Each set of readings with its four readings, those outside their bounds marked."""
    return [(vitals, readings_of(vitals)) for vitals in record.vitals.select_related("recorded_by")]


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Amendment:
    at: datetime
    by: object
    reason: str
    changes: list[Change]


def _shown(record, field, value) -> str:
    if value in (None, "", []):
        return "—"
    if field == "side_effects":
        return ", ".join(SideEffect(code).label for code in value if code in SideEffect)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        local = record.appointment.chair.location.local_time(value)
        return f"{local:%-I:%M %p}"
    return str(value)


def record_amendments(record: InfusionRecord) -> list[Amendment]:
    """The changes made after signing, oldest first, each against the version before it."""
    if not record.is_signed:
        return []
    versions = list(
        record.history.order_by("history_date", "history_id").select_related("history_user")
    )
    amendments = []
    for before, after in zip(versions, versions[1:], strict=False):
        if after.history_date <= record.signed_at or after.history_change_reason == "Signed":
            continue
        delta = after.diff_against(before, excluded_fields=["updated_at", "total_mg"])
        changes = [
            Change(
                InfusionRecord._meta.get_field(change.field).verbose_name.capitalize(),
                _shown(record, change.field, change.old),
                _shown(record, change.field, change.new),
            )
            for change in delta.changes
        ]
        amendments.append(
            Amendment(after.history_date, after.history_user, after.history_change_reason, changes)
        )
    return amendments
