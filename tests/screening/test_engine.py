"""The screening rules, without a database: every DOMAIN.md reason raises its flag."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screening.catalogue import CATALOGUE
from screening.engine import (
    ABSOLUTE,
    REDUCED,
    RELATIVE,
    URGENT,
    YES_RULES,
    evaluate,
)

NOTHING = {"answers": {}, "medications": [], "catalogue": CATALOGUE}


def flags_for(**kwargs):
    return evaluate(**{**NOTHING, **kwargs})


def codes(flags):
    return [f.code for f in flags]


def test_a_patient_with_nothing_to_report_raises_no_flag():
    answers = {rule.question: "no" for rule in YES_RULES} | {"phq9_9": 0}
    assert flags_for(answers=answers, medications=["ibuprofen 200mg", "Flexeril"]) == []


@pytest.mark.parametrize(
    ("question", "code", "severity"),
    [
        ("pregnant", "pregnancy", ABSOLUTE),
        ("breastfeeding", "breastfeeding", ABSOLUTE),
        ("mania_current", "mania", ABSOLUTE),
        ("psychosis_current", "psychosis", ABSOLUTE),
        ("heart_unstable", "heart_disease", ABSOLUTE),
        ("blood_pressure_uncontrolled", "blood_pressure", ABSOLUTE),
        ("pressure_head_or_eye", "intracranial_or_intraocular_pressure", ABSOLUTE),
        ("aneurysm", "aneurysm", ABSOLUTE),
        ("ketamine_allergy", "ketamine_allergy", ABSOLUTE),
        ("substance_use", "substance_use", RELATIVE),
        ("interstitial_cystitis", "interstitial_cystitis", RELATIVE),
        ("iv_access_difficult", "iv_access", RELATIVE),
        ("thyroid_untreated", "thyroid", RELATIVE),
        ("suicidal_thoughts", "suicidal_thoughts", URGENT),
    ],
)
@pytest.mark.parametrize("yes", [True, "yes", "Yes "])
def test_each_reason_to_avoid_or_review_raises_its_flag(question, code, severity, yes):
    [flag] = flags_for(answers={question: yes})
    assert (flag.code, flag.severity) == (code, severity)
    assert question in flag.raised_by
    assert flag.reason


@pytest.mark.parametrize(
    ("line", "code", "severity"),
    [
        ("Nardil 15mg three times a day", "maoi", ABSOLUTE),
        ("parnate", "maoi", ABSOLUTE),
        ("Emsam patch", "maoi", ABSOLUTE),
        ("Xanax .5mg twice daily", "benzodiazepine", REDUCED),
        ("klonopine", "benzodiazepine", REDUCED),
        ("LORAZEPAM 1 MG PRN", "benzodiazepine", REDUCED),
        ("Percocet 5/325", "opioid", REDUCED),
        ("oxycodone 10mg", "opioid", REDUCED),
        ("Suboxone film", "opioid", REDUCED),
        ("lamictle 200mg", "lamotrigine", REDUCED),
        ("Lamictal XR", "lamotrigine", REDUCED),
    ],
)
def test_each_drug_class_raises_its_flag_by_brand_generic_misspelling_or_dose(line, code, severity):
    [flag] = flags_for(medications=[line])
    assert (flag.code, flag.severity) == (code, severity)
    assert line in flag.raised_by


def test_a_medication_nobody_knows_is_flagged_for_a_clinician_never_dropped():
    [flag] = flags_for(medications=["Zorblax 40mg"])
    assert (flag.code, flag.severity) == ("unrecognized_medication", RELATIVE)
    assert "Zorblax 40mg" in flag.raised_by


def test_two_drugs_on_one_line_raise_two_flags():
    assert sorted(codes(flags_for(medications=["Percocet and Nardil"]))) == ["maoi", "opioid"]


def test_phq9_item_nine_above_zero_is_an_urgent_crisis_flag():
    [flag] = flags_for(answers={"phq9_9": 1})
    assert (flag.code, flag.severity) == ("suicidal_thoughts", URGENT)


def test_both_crisis_answers_raise_one_crisis_flag():
    flags = flags_for(answers={"phq9_9": 3, "suicidal_thoughts": "yes"})
    assert codes(flags) == ["suicidal_thoughts"]


def test_uncontrolled_blood_pressure_in_the_vitals_is_absolute():
    [flag] = flags_for(vitals={"systolic": 182, "diastolic": 95})
    assert (flag.code, flag.severity) == ("blood_pressure", ABSOLUTE)
    assert flags_for(vitals={"systolic": 150, "diastolic": 95}) == []


def test_flags_come_most_pressing_first():
    flags = flags_for(
        answers={"thyroid_untreated": "yes", "pregnant": "yes", "phq9_9": 2},
        medications=["Xanax"],
    )
    assert [f.severity for f in flags] == [URGENT, ABSOLUTE, RELATIVE, REDUCED]


known_lines = st.sampled_from(["Xanax 1mg", "Nardil", "Percocet", "Lamictal", "Advil"])
unknown_lines = st.sampled_from(["Zorblax", "Quentrovin 5mg", "Blorptex"])


@given(st.lists(st.one_of(known_lines, unknown_lines), max_size=12))
def test_every_medication_line_is_either_matched_or_flagged_unrecognized(lines):
    flags = flags_for(medications=lines)
    unrecognized = [f for f in flags if f.code == "unrecognized_medication"]
    assert len(unrecognized) == sum(
        line in {"Zorblax", "Quentrovin 5mg", "Blorptex"} for line in lines
    )
    assert codes(flags).count("maoi") == lines.count("Nardil")
