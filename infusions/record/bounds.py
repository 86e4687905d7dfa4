"""Which vital-sign readings the chart highlights: outside the bounds the clinic sets in
settings (VITAL_SIGN_BOUNDS), each a (lowest, highest) pair of acceptable values."""

from dataclasses import dataclass

from django.conf import settings

LABELS = {
    "systolic": "Systolic pressure",
    "diastolic": "Diastolic pressure",
    "heart_rate": "Heart rate",
    "spo2": "Oxygen saturation",
}


@dataclass(frozen=True)
class Reading:
    field: str
    value: int
    low: int
    high: int

    @property
    def is_out_of_bounds(self) -> bool:
        return not self.low <= self.value <= self.high

    @property
    def warning(self) -> str:
        side = "below" if self.value < self.low else "above"
        return f"{LABELS[self.field]} {self.value} is {side} {self.low}–{self.high}."


def readings_of(vitals) -> list[Reading]:
    """The four readings of one set, each with its bounds."""
    bounds = settings.VITAL_SIGN_BOUNDS
    return [Reading(field, getattr(vitals, field), *bounds[field]) for field in LABELS]
