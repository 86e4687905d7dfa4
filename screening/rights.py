"""The patient's screenings in their data download (patients/rights): answers, flags and the
clinicians' decisions. Registered in ScreeningConfig.ready()."""

from patients.rights.serialise import plain, row

from .models import Screening


def collect(patient) -> dict:
    screenings = (
        Screening.objects.filter(patient=patient)
        .select_related("version")
        .prefetch_related("flags", "decisions")
        .order_by("submitted_at")
    )
    return {
        "screenings": [
            {
                "submitted_at": plain(screening.submitted_at),
                "questionnaire_version": screening.version.number,
                "status": screening.get_status_display(),
                "answers": screening.answers,
                "medications": screening.medications,
                **row(screening, ["phq9_total", "gad7_total", "pain_score"]),
                "flags": [
                    {
                        **row(flag, ["code", "reason", "raised_by", "raised_at", "superseded_at"]),
                        "severity": flag.get_severity_display(),
                    }
                    for flag in screening.flags.all()
                ],
                "decisions": [
                    {
                        "outcome": decision.get_outcome_display(),
                        **row(
                            decision,
                            [
                                "note",
                                "conditions",
                                "question_for_patient",
                                "patient_reply",
                                "replied_at",
                                "decided_at",
                            ],
                        ),
                    }
                    for decision in screening.decisions.all()
                ],
            }
            for screening in screenings
        ]
    }
