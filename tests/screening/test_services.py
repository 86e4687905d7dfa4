"""The screening services: a patient answers, the rules raise flags, a clinician decides.

What people rely on: answers are kept with the questionnaire version they were asked under;
every risky answer and medication becomes a flag; a patient in crisis goes to the top of
the queue and the on-call clinician hears of it at once, without patient details in the
e-mail; nobody clears an absolute or urgent flag without writing why; and a patient who
changes their record after a decision is reviewed again.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from clinic.accounts.roles import Role
from patients.intake.forms import HealthForm
from patients.intake.services import intake_save_medications, intake_save_step
from screening import services
from screening.models import QuestionnaireVersion, Screening, ScreeningDecision, ScreeningFlag
from screening.services import screening_decide, screening_reply, screening_submit
from screening.tasks import on_call_addresses
from tests.factories import LocationFactory, UserFactory
from tests.screening.factories import (
    MedicationFactory,
    PatientFactory,
    calm_answers,
    decide,
    submit,
)

pytestmark = pytest.mark.django_db

Outcome = ScreeningDecision.Outcome
Status = Screening.Status


@pytest.fixture
def record(patient):
    """The patient persona's finished intake."""
    return PatientFactory(user=patient)


def open_flags(screening):
    return {(f.code, f.severity) for f in screening.flags.filter(superseded_at__isnull=True)}


def medication_rows(*names_and_doses):
    return [{"name": name, "dose": dose, "frequency": "", "prescriber": ""}
            for name, dose in names_and_doses]  # fmt: skip


# Submitting ----------------------------------------------------------------------------


def test_it_stores_the_answers_under_the_current_version_with_the_scores(record):
    answers = calm_answers(
        **{f"phq9_{n}": score for n, score in enumerate((3, 2, 2, 1, 1, 1, 0, 0, 0), start=1)},
        **{f"gad7_{n}": score for n, score in enumerate((3, 3, 2, 1, 0, 0, 0), start=1)},
        pain_score=7,
    )

    screening = screening_submit(
        patient=record, version=QuestionnaireVersion.objects.current(), answers=answers
    )

    screening.refresh_from_db()
    assert screening.version == QuestionnaireVersion.objects.get(number=1)
    assert screening.answers == answers
    assert (screening.phq9_total, screening.gad7_total, screening.pain_score) == (10, 9, 7)
    assert screening.status == Status.PENDING_REVIEW
    assert screening.waiting_since == screening.submitted_at


def test_an_unfinished_measure_has_no_total(record):
    screening = submit(record, phq9_4=None)

    assert screening.phq9_total is None
    assert screening.gad7_total == 0


def test_calm_answers_and_no_medications_raise_no_flag(record):
    record.takes_no_medications = True
    record.save()

    screening = submit(record)

    assert screening.flags.count() == 0
    assert screening.priority == Screening.NO_FLAG_PRIORITY == 4


@pytest.mark.parametrize(
    ("answer", "flag", "priority"),
    [
        ("pregnant", ("pregnancy", "absolute"), 1),
        ("mania_current", ("mania", "absolute"), 1),
        ("ketamine_allergy", ("ketamine_allergy", "absolute"), 1),
        ("substance_use", ("substance_use", "relative"), 2),
        ("iv_access_difficult", ("iv_access", "relative"), 2),
    ],
)
def test_a_yes_to_a_safety_question_raises_its_flag(record, answer, flag, priority):
    screening = submit(record, **{answer: "yes"})

    assert open_flags(screening) == {flag}
    assert screening.flags.get().raised_by == f"answer: {answer}"
    screening.refresh_from_db()
    assert screening.priority == priority


def test_the_patients_medications_are_screened_as_they_typed_them(record):
    MedicationFactory(patient=record, name="Xanax", dose="0.5mg", frequency="twice a day")
    MedicationFactory(patient=record, name="Nardil", position=1)
    MedicationFactory(patient=record, name="zzqx", position=2)

    screening = submit(record)

    assert screening.medications == ["Xanax 0.5mg twice a day", "Nardil", "zzqx"]
    flags = {(f.code, f.severity, f.raised_by) for f in screening.flags.all()}
    assert flags == {
        ("benzodiazepine", "reduced_effectiveness", "medication: Xanax 0.5mg twice a day"),
        ("maoi", "absolute", "medication: Nardil"),
        ("unrecognized_medication", "relative", "medication: zzqx"),
    }
    screening.refresh_from_db()
    assert screening.priority == 1  # the gravest: the MAOI


def test_a_benzodiazepine_alone_puts_the_screening_in_the_reduced_effectiveness_band(record):
    MedicationFactory(patient=record, name="Xanax", dose="0.5mg")

    screening = submit(record)

    assert open_flags(screening) == {("benzodiazepine", "reduced_effectiveness")}
    screening.refresh_from_db()
    assert screening.priority == 3


def test_a_second_submission_returns_the_first_screening_unchanged(record):
    first = submit(record)

    second = submit(record, pregnant="yes")

    assert second.pk == first.pk
    assert Screening.objects.count() == 1
    second.refresh_from_db()
    assert second.answers["pregnant"] == "no"
    assert second.flags.count() == 0


def test_it_refuses_a_patient_whose_intake_is_not_finished(record):
    record.intake_completed_at = None
    record.save()

    with pytest.raises(ValidationError, match="finish your intake"):
        submit(record)

    assert not Screening.objects.exists()


def test_it_refuses_answers_to_a_draft_version(record):
    draft = QuestionnaireVersion.objects.create(number=2)

    with pytest.raises(ValidationError, match="draft"):
        screening_submit(patient=record, version=draft, answers=calm_answers())

    assert not Screening.objects.exists()


# A patient in crisis ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "answers", [{"phq9_9": 1}, {"phq9_9": 3}, {"suicidal_thoughts": "yes"}], ids=str
)
def test_thoughts_of_suicide_make_the_screening_urgent(record, answers):
    screening = submit(record, **answers)

    assert ("suicidal_thoughts", "urgent") in open_flags(screening)
    screening.refresh_from_db()
    assert screening.priority == 0


def test_an_urgent_screening_comes_before_an_older_absolute_one(record, other_patient):
    older_absolute = submit(PatientFactory(user=other_patient), pregnant="yes")
    Screening.objects.filter(pk=older_absolute.pk).update(
        waiting_since=timezone.now() - timedelta(days=2)
    )

    urgent = submit(record, phq9_9=2)

    assert list(Screening.objects.review_queue()) == [urgent, older_absolute]


def test_the_queue_puts_the_gravest_first_and_then_the_longest_waiting(clinician):
    now = timezone.now()

    def waiting(hours, *, medication=None, **answers):
        record = PatientFactory()
        if medication:
            MedicationFactory(patient=record, name=medication)
        made = submit(record, **answers)
        Screening.objects.filter(pk=made.pk).update(waiting_since=now - timedelta(hours=hours))
        return made

    no_flag = waiting(90)
    reduced = waiting(70, medication="Klonopin")
    relative_recent = waiting(1, interstitial_cystitis="yes")
    relative_old = waiting(50, thyroid_untreated="yes")
    absolute = waiting(2, breastfeeding="yes")
    urgent = waiting(0, suicidal_thoughts="yes")
    decide(waiting(100, aneurysm="yes"), clinician, Outcome.DECLINED)
    decide(
        waiting(100, heart_unstable="yes"),
        clinician,
        Outcome.INFO_REQUESTED,
        question_for_patient="Which medicines do you take for it?",
    )

    assert list(Screening.objects.review_queue()) == [
        urgent,
        absolute,
        relative_old,
        relative_recent,
        reduced,
        no_flag,
    ]


def test_the_on_call_clinician_of_the_patients_location_is_the_one_alerted(clinician):
    on_call = UserFactory(role=Role.CLINICIAN)
    location = LocationFactory(on_call_clinician=on_call)

    assert on_call_addresses(location) == [on_call.email]


def test_every_active_clinician_is_alerted_when_nobody_is_on_call(clinician, front_desk):
    second = UserFactory(role=Role.CLINICIAN)
    UserFactory(role=Role.CLINICIAN, is_active=False)
    away = UserFactory(role=Role.CLINICIAN, is_active=False)
    nobody_active_on_call = LocationFactory(on_call_clinician=away)

    assert sorted(on_call_addresses(LocationFactory())) == sorted([clinician.email, second.email])
    assert sorted(on_call_addresses(nobody_active_on_call)) == sorted(
        [clinician.email, second.email]
    )
    assert sorted(on_call_addresses(None)) == sorted([clinician.email, second.email])


def test_an_urgent_screening_sends_one_e_mail_to_the_on_call_clinician(
    patient, clinician, mailoutbox
):
    on_call = UserFactory(role=Role.CLINICIAN, email="on-call@example.com")
    record = PatientFactory(
        user=patient, preferred_location=LocationFactory(on_call_clinician=on_call)
    )

    submit(record, suicidal_thoughts="yes")
    submit(record, suicidal_thoughts="yes")  # sent twice: a double-click

    assert [m.to for m in mailoutbox] == [["on-call@example.com"]]


def test_an_urgent_screening_without_an_on_call_clinician_e_mails_every_clinician(
    patient, clinician, front_desk, mailoutbox
):
    second = UserFactory(role=Role.CLINICIAN)
    UserFactory(role=Role.CLINICIAN, is_active=False)
    record = PatientFactory(user=patient, preferred_location=LocationFactory())

    submit(record, phq9_9=1)

    assert len(mailoutbox) == 1
    assert sorted(mailoutbox[0].to) == sorted([clinician.email, second.email])


def test_the_urgent_e_mail_links_to_the_review_and_leaves_out_who_the_patient_is(
    patient, clinician, mailoutbox
):
    patient.first_name, patient.last_name = "Zeph", "Ashcombe-Vale"
    patient.save()
    record = PatientFactory(
        user=patient,
        legal_first_name="Zephyrine",
        legal_last_name="Ashcombe",
        preferred_name="Zeph",
        phone="+12125550143",
        preferred_location=LocationFactory(),
    )

    screening = submit(record, suicidal_thoughts="yes")

    message = mailoutbox[0]
    review = reverse("screening:review", args=[screening.pk])
    assert f"{settings.SITE_URL.rstrip('/')}{review}" in message.body
    text = f"{message.subject}\n{message.body}"
    for detail in ("Zeph", "Ashcombe", patient.email, "+12125550143", "555-0143"):
        assert detail not in text


def test_a_screening_without_an_urgent_flag_sends_no_e_mail(patient, clinician, mailoutbox):
    record = PatientFactory(user=patient, preferred_location=LocationFactory())

    submit(record, pregnant="yes")

    assert len(mailoutbox) == 0


# Deciding --------------------------------------------------------------------------------

GRAVE_ANSWERS = pytest.mark.parametrize(
    "answers", [{"pregnant": "yes"}, {"suicidal_thoughts": "yes"}], ids=["absolute", "urgent"]
)


@GRAVE_ANSWERS
@pytest.mark.parametrize("outcome", [Outcome.CLEARED, Outcome.CLEARED_WITH_CONDITIONS])
def test_it_refuses_to_clear_an_absolute_or_urgent_flag_without_a_written_reason(
    record, clinician, answers, outcome
):
    screening = submit(record, **answers)

    with pytest.raises(ValidationError) as refused:
        screening_decide(
            screening=screening,
            clinician=clinician,
            outcome=outcome,
            note="Spoke with the patient.",
            conditions="Pregnancy test on the day.",
            override_reason="   ",
        )

    assert "override_reason" in refused.value.message_dict
    screening.refresh_from_db()
    assert screening.status == Status.PENDING_REVIEW
    assert not ScreeningDecision.objects.exists()


@GRAVE_ANSWERS
def test_a_clinician_clears_an_absolute_or_urgent_flag_with_a_reason_on_record(
    record, clinician, answers
):
    before = timezone.now()

    decision = screening_decide(
        screening=submit(record, **answers),
        clinician=clinician,
        outcome=Outcome.CLEARED,
        note="  Called the patient today.  ",
        override_reason="Negative test at the clinic; the patient answered yes to be safe.",
    )

    decision.refresh_from_db()
    assert decision.screening.status == Status.CLEARED
    assert decision.outcome == Outcome.CLEARED
    assert decision.decided_by == clinician
    assert before <= decision.decided_at <= timezone.now()
    assert decision.note == "Called the patient today."
    assert decision.override_reason == (
        "Negative test at the clinic; the patient answered yes to be safe."
    )


def test_a_relative_flag_is_cleared_without_an_override_reason(record, clinician):
    screening = decide(submit(record, substance_use="yes"), clinician, Outcome.CLEARED)

    assert screening.status == Status.CLEARED
    assert screening.decisions.get().override_reason == ""


def test_declining_an_absolute_flag_needs_no_override_reason(record, clinician):
    screening = decide(submit(record, aneurysm="yes"), clinician, Outcome.DECLINED)

    assert screening.status == Status.DECLINED


def test_every_decision_needs_a_note(record, clinician):
    screening = submit(record)

    with pytest.raises(ValidationError) as refused:
        screening_decide(
            screening=screening, clinician=clinician, outcome=Outcome.CLEARED, note=" "
        )

    assert list(refused.value.message_dict) == ["note"]
    assert not ScreeningDecision.objects.exists()


def test_clearing_with_conditions_needs_the_conditions_written(record, clinician):
    screening = submit(record, iv_access_difficult="yes")

    with pytest.raises(ValidationError) as refused:
        decide(screening, clinician, Outcome.CLEARED_WITH_CONDITIONS, conditions="")
    assert list(refused.value.message_dict) == ["conditions"]
    assert not ScreeningDecision.objects.exists()

    cleared = decide(
        screening, clinician, Outcome.CLEARED_WITH_CONDITIONS, conditions="Ultrasound-guided IV."
    )
    assert cleared.status == Status.CLEARED_WITH_CONDITIONS
    assert cleared.decisions.get().conditions == "Ultrasound-guided IV."


def test_asking_the_patient_needs_the_question_written(record, clinician):
    screening = submit(record, thyroid_untreated="yes")

    with pytest.raises(ValidationError) as refused:
        decide(screening, clinician, Outcome.INFO_REQUESTED)
    assert list(refused.value.message_dict) == ["question_for_patient"]

    asked = decide(
        screening, clinician, Outcome.INFO_REQUESTED, question_for_patient="Who treats it?"
    )
    assert asked.status == Status.INFO_REQUESTED
    assert asked.decisions.get().question_for_patient == "Who treats it?"


def test_a_reopening_is_not_a_decision_a_clinician_can_make(record, clinician):
    with pytest.raises(ValidationError) as refused:
        decide(submit(record), clinician, Outcome.REOPENED)

    assert list(refused.value.message_dict) == ["outcome"]


def test_it_refuses_to_decide_a_screening_already_decided(record, clinician):
    screening = decide(submit(record), clinician, Outcome.CLEARED)
    second_clinician = UserFactory(role=Role.CLINICIAN)

    with pytest.raises(ValidationError, match="decided a moment ago"):
        decide(screening, second_clinician, Outcome.DECLINED)

    screening.refresh_from_db()
    assert screening.status == Status.CLEARED
    assert screening.decisions.get().decided_by == clinician


# The patient's reply -------------------------------------------------------------------


def test_the_patients_reply_is_kept_with_the_question_and_the_screening_rejoins_the_queue(
    record, clinician
):
    screening = submit(record, substance_use="yes")
    Screening.objects.filter(pk=screening.pk).update(
        waiting_since=timezone.now() - timedelta(days=3)
    )
    decide(screening, clinician, Outcome.INFO_REQUESTED, question_for_patient="How often?")
    assert list(Screening.objects.review_queue()) == []

    screening_reply(screening=screening, reply="  Once a month, at weekends.  ")

    screening.refresh_from_db()
    question = screening.decisions.get()
    assert question.patient_reply == "Once a month, at weekends."
    assert screening.status == Status.PENDING_REVIEW
    assert screening.waiting_since == question.replied_at
    assert screening.waiting_since > question.decided_at
    assert list(Screening.objects.review_queue()) == [screening]


def test_a_second_question_gets_its_own_reply_and_the_first_reply_is_kept(record, clinician):
    screening = submit(record, substance_use="yes")
    decide(screening, clinician, Outcome.INFO_REQUESTED, question_for_patient="How often?")
    screening_reply(screening=screening, reply="Once a month.")
    decide(screening, clinician, Outcome.INFO_REQUESTED, question_for_patient="Since when?")

    screening_reply(screening=screening, reply="Since last spring.")

    replies = screening.decisions.values_list("question_for_patient", "patient_reply")
    assert list(replies) == [("How often?", "Once a month."), ("Since when?", "Since last spring.")]


def test_a_reply_is_refused_when_no_question_is_open(record):
    screening = submit(record)

    with pytest.raises(ValidationError, match="no open question"):
        screening_reply(screening=screening, reply="Hello?")


def test_an_empty_reply_is_refused(record, clinician):
    screening = decide(
        submit(record), clinician, Outcome.INFO_REQUESTED, question_for_patient="Which dose?"
    )

    with pytest.raises(ValidationError) as refused:
        screening_reply(screening=screening, reply="  ")

    assert list(refused.value.message_dict) == ["reply"]
    screening.refresh_from_db()
    assert screening.status == Status.INFO_REQUESTED


# The patient changes their record ------------------------------------------------------


@pytest.fixture
def cleared_on_xanax(record, clinician):
    """Cleared by a clinician while taking Xanax, with the list saved through the intake."""
    intake_save_medications(
        patient=record, rows=medication_rows(("Xanax", "0.5mg")), takes_no_medications=False
    )
    screening = submit(record)
    Screening.objects.filter(pk=screening.pk).update(
        waiting_since=timezone.now() - timedelta(days=1)
    )
    return decide(screening, clinician, Outcome.CLEARED)


def test_a_medication_added_after_the_decision_reopens_the_review(
    record, clinician, cleared_on_xanax
):
    cleared_at = cleared_on_xanax.decisions.get().decided_at

    intake_save_medications(
        patient=record,
        rows=medication_rows(("Xanax", "0.5mg"), ("Nardil", "15mg")),
        takes_no_medications=False,
    )

    screening = Screening.objects.get()
    assert screening.status == Status.PENDING_REVIEW
    assert screening.waiting_since > cleared_at
    assert screening.priority == 1
    assert screening.medications == ["Xanax 0.5mg", "Nardil 15mg"]
    reopened = screening.decisions.last()
    assert reopened.outcome == Outcome.REOPENED
    assert reopened.decided_by is None
    assert "medications" in reopened.note
    assert open_flags(screening) == {
        ("benzodiazepine", "reduced_effectiveness"),
        ("maoi", "absolute"),
    }
    # The unchanged benzodiazepine flag is the same row, not a copy.
    assert screening.flags.count() == 2
    assert list(Screening.objects.review_queue()) == [screening]


def test_a_replaced_medication_supersedes_its_flag_and_keeps_it_on_record(record, cleared_on_xanax):
    benzodiazepine = cleared_on_xanax.flags.get()

    intake_save_medications(
        patient=record, rows=medication_rows(("Nardil", "15mg")), takes_no_medications=False
    )

    benzodiazepine.refresh_from_db()
    assert benzodiazepine.superseded_at is not None
    assert ScreeningFlag.objects.filter(pk=benzodiazepine.pk).exists()
    assert open_flags(cleared_on_xanax) == {("maoi", "absolute")}


def test_a_reopened_review_with_a_new_mao_inhibitor_needs_an_override_to_clear(
    record, clinician, cleared_on_xanax
):
    intake_save_medications(
        patient=record, rows=medication_rows(("Nardil", "15mg")), takes_no_medications=False
    )

    with pytest.raises(ValidationError) as refused:
        decide(cleared_on_xanax, clinician, Outcome.CLEARED)

    assert "override_reason" in refused.value.message_dict


def test_an_absolute_flag_still_needs_an_override_after_the_patient_deletes_its_line(
    record, clinician
):
    MedicationFactory(patient=record, name="Nardil")
    screening = submit(record)

    intake_save_medications(
        patient=record, rows=medication_rows(("Ibuprofen", "200mg")), takes_no_medications=False
    )

    with pytest.raises(ValidationError) as refusal:
        decide(screening, clinician, Outcome.CLEARED)
    assert "override_reason" in refusal.value.message_dict
    cleared = decide(
        screening, clinician, Outcome.CLEARED, override_reason="Stopped Nardil 3 weeks ago."
    )
    assert cleared.status == Status.CLEARED


def test_a_decision_on_flags_the_clinician_never_saw_is_refused(record, clinician):
    screening = submit(record)
    seen = services.flags_fingerprint(screening)
    intake_save_medications(
        patient=record, rows=medication_rows(("Zzqxil", "5mg")), takes_no_medications=False
    )

    with pytest.raises(ValidationError, match="flags have changed"):
        services.screening_decide(
            screening=screening,
            clinician=clinician,
            outcome=Outcome.CLEARED,
            note="Looks fine.",
            flags_seen=seen,
        )
    assert Screening.objects.get().status == Status.PENDING_REVIEW


def test_the_same_medication_list_sent_again_does_not_reopen_the_review(record, cleared_on_xanax):
    flags_before = list(cleared_on_xanax.flags.values())

    intake_save_medications(
        patient=record, rows=medication_rows(("Xanax", "0.5mg")), takes_no_medications=False
    )

    screening = Screening.objects.get()
    assert screening.status == Status.CLEARED
    assert screening.decisions.count() == 1
    assert list(screening.flags.values()) == flags_before


def test_a_changed_intake_step_reopens_the_review(record, cleared_on_xanax):
    form = HealthForm(
        data={"medical_history": "Glaucoma diagnosed last month.", "allergies": "None known."},
        instance=record,
    )
    assert form.is_valid(), form.errors

    intake_save_step(patient=record, slug="health", form=form)

    screening = Screening.objects.get()
    assert screening.status == Status.PENDING_REVIEW
    reopened = screening.decisions.last()
    assert reopened.outcome == Outcome.REOPENED
    assert reopened.decided_by is None
    assert "health history" in reopened.note


def test_an_intake_step_saved_unchanged_does_not_reopen_the_review(record, cleared_on_xanax):
    form = HealthForm(
        data={"medical_history": record.medical_history, "allergies": record.allergies},
        instance=record,
    )
    assert form.is_valid(), form.errors

    intake_save_step(patient=record, slug="health", form=form)

    screening = Screening.objects.get()
    assert screening.status == Status.CLEARED
    assert screening.decisions.count() == 1


def test_a_change_before_any_decision_updates_the_flags_without_a_reopening(record):
    screening = submit(record)

    intake_save_medications(
        patient=record, rows=medication_rows(("Parnate", "10mg")), takes_no_medications=False
    )

    screening.refresh_from_db()
    assert screening.status == Status.PENDING_REVIEW
    assert not screening.decisions.exists()
    assert open_flags(screening) == {("maoi", "absolute")}
    assert screening.priority == 1


def test_a_question_to_the_patient_stays_open_when_they_change_their_medications(record, clinician):
    screening = decide(
        submit(record), clinician, Outcome.INFO_REQUESTED, question_for_patient="Any others?"
    )

    intake_save_medications(
        patient=record, rows=medication_rows(("Klonopin", "1mg")), takes_no_medications=False
    )

    screening.refresh_from_db()
    assert screening.status == Status.INFO_REQUESTED
    assert open_flags(screening) == {("benzodiazepine", "reduced_effectiveness")}


def test_changing_the_medications_before_any_screening_makes_none(record):
    intake_save_medications(
        patient=record, rows=medication_rows(("Nardil", "15mg")), takes_no_medications=False
    )

    assert not Screening.objects.exists()
