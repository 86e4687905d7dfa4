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
from .questions import DEFAULT_QUESTIONS, YES_NO

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


# Flag codes for the shipped questions where the flag names the condition, not the question.
_FLAG_CODES = {
    "pregnant": "pregnancy",
    "mania_current": "mania",
    "psychosis_current": "psychosis",
    "heart_unstable": "heart_disease",
    "blood_pressure_uncontrolled": "blood_pressure",
    "pressure_head_or_eye": "intracranial_or_intraocular_pressure",
    "substance_use": "substance_use",
    "iv_access_difficult": "iv_access",
    "thyroid_untreated": "thyroid",
}


def yes_rule(*, question: str, severity: str, reason: str) -> YesRule:
    return YesRule(question, _FLAG_CODES.get(question, question), severity, reason)


# Each DOMAIN.md reason to avoid or review, as the shipped questionnaire asks it.
YES_RULES = tuple(
    yes_rule(question=q.code, severity=q.flag_severity, reason=q.flag_reason)
    for q in DEFAULT_QUESTIONS
    if q.kind == YES_NO and q.flag_severity
)
# Clinicians may reword a question or make its flag graver, never milder than shipped: a
# pregnancy stays absolute whatever a later version of the questionnaire says.
SEVERITY_FLOOR = {rule.question: rule.severity for rule in YES_RULES}


def graver(a: str, b: str | None) -> str:
    if b is None:
        return a
    return min(a, b, key=SEVERITY_ORDER.index)


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


def answer_flags(answers: Mapping[str, object], rules: Sequence[YesRule] = YES_RULES) -> list[Flag]:
    """Flags raised by "yes" answers under `rules` (a questionnaire version's own), plus the
    crisis flag PHQ-9 item 9 raises. A shipped safety question missing from `rules` is still
    asked of the answers, so no version can switch a reason to avoid off."""
    by_question = {rule.question: rule for rule in YES_RULES}
    for rule in rules:
        floor = SEVERITY_FLOOR.get(rule.question)
        by_question[rule.question] = YesRule(
            rule.question, rule.code, graver(rule.severity, floor), rule.reason
        )
    flags = [
        Flag(rule.code, rule.severity, rule.reason, f"answer: {rule.question}")
        for rule in by_question.values()
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
    rules: Sequence[YesRule] = YES_RULES,
) -> list[Flag]:
    """Every flag the answers, the medication list and the vitals raise, most pressing first."""
    flags = (
        answer_flags(answers, rules)
        + medication_flags(medications, catalogue)
        + vitals_flags(vitals)
    )
    return sorted(flags, key=lambda f: SEVERITY_ORDER.index(f.severity))


# Published severity bands: PHQ-9 (Kroenke, Spitzer & Williams 2001), GAD-7 (Spitzer 2006).
PHQ9_BANDS = (
    (20, "severe"),
    (15, "moderately severe"),
    (10, "moderate"),
    (5, "mild"),
    (0, "minimal"),
)
GAD7_BANDS = ((15, "severe"), (10, "moderate"), (5, "mild"), (0, "minimal"))


@dataclass(frozen=True)
class Score:
    total: int
    band: str


def _score(answers: Mapping[str, object], prefix: str, items: int, bands) -> Score | None:
    values = [answers.get(f"{prefix}_{n}") for n in range(1, items + 1)]
    if not all(isinstance(v, int) and 0 <= v <= 3 for v in values):
        return None  # an incomplete measure has no score
    total = sum(values)  # type: ignore[arg-type]
    return Score(total, next(label for floor, label in bands if total >= floor))


def phq9_score(answers: Mapping[str, object]) -> Score | None:
    return _score(answers, "phq9", 9, PHQ9_BANDS)


def gad7_score(answers: Mapping[str, object]) -> Score | None:
    return _score(answers, "gad7", 7, GAD7_BANDS)


def is_crisis(answers: Mapping[str, object]) -> bool:
    """Current thoughts of suicide: crisis resources are shown at once."""
    return any(f.severity == URGENT for f in answer_flags(answers))
