"""What the screening service tests share: outcomes, open flags, medication rows."""

from screening.models import Screening, ScreeningDecision

Outcome = ScreeningDecision.Outcome
Status = Screening.Status


def open_flags(screening):
    return {(f.code, f.severity) for f in screening.flags.filter(superseded_at__isnull=True)}


def medication_rows(*names_and_doses):
    return [{"name": name, "dose": dose, "frequency": "", "prescriber": ""}
            for name, dose in names_and_doses]  # fmt: skip
