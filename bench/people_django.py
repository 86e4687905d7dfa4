"""The people the bench suites make in the portal's database (run with its environment, in
the scripts' subprocesses): users in a role, and a patient cleared to book infusions."""

from __future__ import annotations


def bench_user(email, first, last, group):
    from django.contrib.auth import get_user_model

    user, new = get_user_model().objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last}
    )
    if new or not user.is_active or user.has_usable_password():
        user.is_active = True
        user.set_unusable_password()  # signed in by a session the bench makes, or never
        user.save()
    user.groups.set([group])
    return user


def cleared_patient(email, last_name, location, clinician, group):
    """Intake finished, consent signed, screening cleared: allowed to book infusions."""
    from django.utils import timezone

    from patients.consent.document import consent_html, sha256_hex
    from patients.models import ConsentDocument, ConsentSignature
    from patients.selectors import patient_for_user
    from screening.models import QuestionnaireVersion
    from screening.services import screening_decide, screening_submit

    patient = patient_for_user(user=bench_user(email, "Bench", last_name, group))
    if patient.intake_completed_at is None or patient.preferred_location_id != location.pk:
        patient.legal_first_name, patient.legal_last_name = "Bench", last_name
        patient.takes_no_medications = True
        patient.preferred_location = location
        patient.intake_completed_at = patient.intake_completed_at or timezone.now()
        patient.save()
    document = ConsentDocument.objects.current()
    if not ConsentSignature.objects.filter(patient=patient, document=document).exists():
        html = consent_html(document)
        ConsentSignature.objects.create(
            patient=patient,
            document=document,
            document_title=document.title,
            document_version=document.version_label,
            typed_name=patient.legal_name,
            signed_at=timezone.now(),
            signed_at_local="2026-01-01 09:00:00 EST (America/New_York)",
            time_zone=location.time_zone,
            shown_html=html,
            shown_sha256=sha256_hex(html),
        )
    if not patient.screenings.exists():
        version = QuestionnaireVersion.objects.current()
        answers = {q.code: "no" if q.kind == q.Kind.YES_NO else 0 for q in version.questions.all()}
        screening = screening_submit(patient=patient, version=version, answers=answers)
        screening_decide(
            screening=screening,
            clinician=clinician,
            outcome="cleared",
            note="Bench: nothing in the answers stands against infusions.",
        )
    return patient
