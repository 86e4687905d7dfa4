"""The dose arithmetic a clinician checks: weight times the ordered mg/kg, and the plan's
range it should fall in."""

from decimal import ROUND_HALF_UP, Decimal

TENTH = Decimal("0.1")


def dose_total_mg(weight_kg: Decimal | None, dose_mg_per_kg: Decimal | None) -> Decimal | None:
    """The total in mg, to a tenth (what a syringe can be drawn to); None until both are known."""
    if weight_kg is None or dose_mg_per_kg is None:
        return None
    return (Decimal(weight_kg) * Decimal(dose_mg_per_kg)).quantize(TENTH, rounding=ROUND_HALF_UP)


def dose_outside_range(dose_mg_per_kg, plan) -> bool:
    """True when the plan sets a range and the ordered dose falls outside it."""
    if dose_mg_per_kg is None or plan is None:
        return False
    return not plan.dose_min_mg_per_kg <= dose_mg_per_kg <= plan.dose_max_mg_per_kg
