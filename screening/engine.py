"""The screening rules: answers, medications and vitals in, flags out.

Pure functions over plain data, no database and no request, so every rule is tested on its
own. A flag is never decided away here: the engine raises it, a clinician reviews it.

Severities, most pressing first:
- urgent: current thoughts of suicide; crisis resources at once, top of the review queue;
- absolute: no infusion may be booked until a clinician overrides with a written reason;
- relative: needs a clinician's review (risk of dependency, bladder, IV access, thyroid, or a
  medication the catalogue does not know);
- reduced_effectiveness: the clinician is told (benzodiazepines, opioids, lamotrigine).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .matching import CatalogueEntry, match_all

URGENT, ABSOLUTE, RELATIVE, REDUCED = "urgent", "absolute", "relative", "reduced_effectiveness"
SEVERITY_ORDER = (URGENT, ABSOLUTE, RELATIVE, REDUCED)

# Systolic / diastolic at or above which blood pressure counts as uncontrolled.
UNCONTROLLED_SYSTOLIC, UNCONTROLLED_DIASTOLIC = 180, 110


@dataclass(frozen=True)
class Flag:
    code: str
    severity: str
    reason: str
    raised_by: str  # what raised it, in words: the question, the medication line, the reading


@dataclass(frozen=True)
class YesRule:
    """A yes/no question whose "yes" raises a flag."""

    question: str
    code: str
    severity: str
    reason: str


# Each DOMAIN.md reason to avoid or review, keyed by the question code that asks about it.
YES_RULES = (
    YesRule("pregnant", "pregnancy", ABSOLUTE, "Pregnant or possibly pregnant."),
    YesRule("breastfeeding", "breastfeeding", ABSOLUTE, "Breastfeeding."),
    YesRule("mania_current", "mania", ABSOLUTE, "In a manic phase of bipolar disorder now."),
    YesRule(
        "psychosis_current",
        "psychosis",
        ABSOLUTE,
        "Active psychotic symptoms (hallucinations or delusions).",
    ),
    YesRule("heart_unstable", "heart_disease", ABSOLUTE, "Unstable heart disease."),
    YesRule(
        "blood_pressure_uncontrolled",
        "blood_pressure",
        ABSOLUTE,
        "High blood pressure that is not under control.",
    ),
    YesRule(
        "pressure_head_or_eye",
        "intracranial_or_intraocular_pressure",
        ABSOLUTE,
        "Raised pressure inside the skull or the eye.",
    ),
    YesRule("aneurysm", "aneurysm", ABSOLUTE, "A history of aneurysm."),
    YesRule("ketamine_allergy", "ketamine_allergy", ABSOLUTE, "A known allergy to ketamine."),
    YesRule(
        "substance_use",
        "substance_use",
        RELATIVE,
        "Active substance use or a history of drug misuse: risk of dependency.",
    ),
    YesRule("interstitial_cystitis", "interstitial_cystitis", RELATIVE, "Interstitial cystitis."),
    YesRule("iv_access_difficult", "iv_access", RELATIVE, "Difficult IV access in the past."),
    YesRule("thyroid_untreated", "thyroid", RELATIVE, "Thyroid disease that is not treated."),
    YesRule(
        "suicidal_thoughts",
        "suicidal_thoughts",
        URGENT,
        "Reports current thoughts of suicide.",
    ),
)

MEDICATION_FLAGS = {
    # drug class -> (flag code, severity, reason)
    "maoi": ("maoi", ABSOLUTE, "Takes an MAOI, which is not compatible with ketamine."),
    "benzodiazepine": (
        "benzodiazepine",
        REDUCED,
        "Takes a benzodiazepine, which can make ketamine less effective.",
    ),
    "opioid": ("opioid", REDUCED, "Takes an opioid, which can make ketamine less effective."),
    "lamotrigine": (
        "lamotrigine",
        REDUCED,
        "Takes lamotrigine; at high doses it can make ketamine less effective.",
    ),
}


def _is_yes(value) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() in {"yes", "y"})


def answer_flags(answers: Mapping[str, object]) -> list[Flag]:
    flags = [
        Flag(rule.code, rule.severity, rule.reason, f"answer: {rule.question}")
        for rule in YES_RULES
        if _is_yes(answers.get(rule.question))
    ]
    item_9 = answers.get("phq9_9")
    if (
        isinstance(item_9, int)
        and item_9 > 0
        and not any(f.code == "suicidal_thoughts" for f in flags)
    ):
        flags.append(
            Flag(
                "suicidal_thoughts",
                URGENT,
                "PHQ-9 question 9: thoughts of being better off dead or of self-harm.",
                f"answer: phq9_9 = {item_9}",
            )
        )
    return flags


def medication_flags(medications: Sequence[str], catalogue: Sequence[CatalogueEntry]) -> list[Flag]:
    """One flag per risky drug named, and one per line the catalogue does not know."""
    flags = []
    for line in medications:
        matches = match_all(line, catalogue)
        if not matches:
            flags.append(
                Flag(
                    "unrecognized_medication",
                    RELATIVE,
                    "A medication the catalogue does not know; a clinician must identify it.",
                    f"medication: {line}",
                )
            )
        for match in matches:
            if match.entry.drug_class in MEDICATION_FLAGS:
                code, severity, reason = MEDICATION_FLAGS[match.entry.drug_class]
                # The catalogue's severity is the clinicians' word; it can only make it graver.
                if match.entry.severity == "absolute":
                    severity = ABSOLUTE
                flags.append(
                    Flag(
                        code,
                        severity,
                        f"{reason} ({match.entry.generic_name})",
                        f"medication: {line}",
                    )
                )
    return flags


def vitals_flags(vitals: Mapping[str, int] | None) -> list[Flag]:
    if not vitals:
        return []
    systolic, diastolic = vitals.get("systolic"), vitals.get("diastolic")
    if (systolic or 0) >= UNCONTROLLED_SYSTOLIC or (diastolic or 0) >= UNCONTROLLED_DIASTOLIC:
        return [
            Flag(
                "blood_pressure",
                ABSOLUTE,
                "Blood pressure at or above 180/110.",
                f"vitals: {systolic}/{diastolic}",
            )
        ]
    return []


def evaluate(
    *,
    answers: Mapping[str, object],
    medications: Sequence[str],
    catalogue: Sequence[CatalogueEntry],
    vitals: Mapping[str, int] | None = None,
) -> list[Flag]:
    """Every flag the answers, the medication list and the vitals raise, most pressing first."""
    flags = answer_flags(answers) + medication_flags(medications, catalogue) + vitals_flags(vitals)
    return sorted(flags, key=lambda f: SEVERITY_ORDER.index(f.severity))
