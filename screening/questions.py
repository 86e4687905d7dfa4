"""The questionnaire a new clinic starts with, and what every version must keep asking.

Plain data: the data migration seeds version 1 from `DEFAULT_QUESTIONS`, and the editor
refuses to publish a version that drops a question in `REQUIRED_CODES`, because the engine's
safety rules and the outcome measures read those answers by code.

PHQ-9 and GAD-7 items keep the instruments' published wording (both are free to use without
permission); a score is only comparable with others when the questions are asked as written.
"""

from dataclasses import dataclass

YES_NO, FREQUENCY, SCALE_0_10 = "yes_no", "frequency", "scale_0_10"
SAFETY, DEPRESSION, ANXIETY, PAIN = "safety", "phq9", "gad7", "pain"

SECTIONS = {
    SAFETY: (
        "Your health and safety",
        "Answer each question as things are now. A clinician reads every answer before any "
        "infusion is booked; a “yes” does not rule you out on its own.",
    ),
    DEPRESSION: (
        "Mood (PHQ-9)",
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    ),
    ANXIETY: (
        "Anxiety (GAD-7)",
        "Over the last 2 weeks, how often have you been bothered by the following problems?",
    ),
    PAIN: ("Pain", "This gives your clinician a starting point to measure change against."),
}

FREQUENCY_CHOICES = (
    (0, "Not at all"),
    (1, "Several days"),
    (2, "More than half the days"),
    (3, "Nearly every day"),
)


@dataclass(frozen=True)
class QuestionSpec:
    code: str
    section: str
    kind: str
    text: str
    help_text: str = ""
    flag_severity: str = ""  # for yes/no questions whose "yes" raises a flag
    flag_reason: str = ""


def _yes(code, text, severity, reason, help_text=""):
    return QuestionSpec(code, SAFETY, YES_NO, text, help_text, severity, reason)


DEFAULT_QUESTIONS: tuple[QuestionSpec, ...] = (
    _yes(
        "pregnant",
        "Are you pregnant, or could you be pregnant?",
        "absolute",
        "Pregnant or possibly pregnant.",
        "If you are not sure, answer yes; the clinic will talk it through with you.",
    ),
    _yes("breastfeeding", "Are you breastfeeding?", "absolute", "Breastfeeding."),
    _yes(
        "mania_current",
        "Are you in a manic phase of bipolar disorder right now?",
        "absolute",
        "In a manic phase of bipolar disorder now.",
    ),
    _yes(
        "psychosis_current",
        "Do you currently hear or see things others do not, or hold beliefs others tell "
        "you are not real?",
        "absolute",
        "Active psychotic symptoms (hallucinations or delusions).",
    ),
    _yes(
        "heart_unstable",
        "Do you have a heart condition that is not stable, such as chest pain at rest, a "
        "recent heart attack, or heart failure that is getting worse?",
        "absolute",
        "Unstable heart disease.",
    ),
    _yes(
        "blood_pressure_uncontrolled",
        "Do you have high blood pressure that is not under control, even with treatment?",
        "absolute",
        "High blood pressure that is not under control.",
    ),
    _yes(
        "pressure_head_or_eye",
        "Have you been told you have raised pressure inside your skull or your eye (for "
        "example a recent head injury, or glaucoma that is not controlled)?",
        "absolute",
        "Raised pressure inside the skull or the eye.",
    ),
    _yes(
        "aneurysm",
        "Have you ever had an aneurysm (a bulging blood vessel), in the brain, chest or belly?",
        "absolute",
        "A history of aneurysm.",
    ),
    _yes(
        "ketamine_allergy",
        "Have you ever had an allergic reaction to ketamine?",
        "absolute",
        "A known allergy to ketamine.",
    ),
    _yes(
        "substance_use",
        "Do you use recreational drugs or drink heavily now, or have you ever had a problem "
        "with drug or alcohol misuse?",
        "relative",
        "Active substance use or a history of drug misuse: risk of dependency.",
        "Your answer stays between you and your clinicians.",
    ),
    _yes(
        "interstitial_cystitis",
        "Do you have interstitial cystitis (painful bladder syndrome)?",
        "relative",
        "Interstitial cystitis.",
    ),
    _yes(
        "iv_access_difficult",
        "Has a nurse ever found it hard to place an IV line or draw blood from you?",
        "relative",
        "Difficult IV access in the past.",
    ),
    _yes(
        "thyroid_untreated",
        "Do you have a thyroid condition that is not being treated?",
        "relative",
        "Thyroid disease that is not treated.",
    ),
    _yes(
        "suicidal_thoughts",
        "Are you having thoughts of ending your life right now?",
        "urgent",
        "Reports current thoughts of suicide.",
        "If you are in danger now, call 911. You can call or text 988 at any hour.",
    ),
    *(
        QuestionSpec(f"phq9_{n}", DEPRESSION, FREQUENCY, text)
        for n, text in enumerate(
            (
                "Little interest or pleasure in doing things",
                "Feeling down, depressed, or hopeless",
                "Trouble falling or staying asleep, or sleeping too much",
                "Feeling tired or having little energy",
                "Poor appetite or overeating",
                "Feeling bad about yourself — or that you are a failure or have let yourself "
                "or your family down",
                "Trouble concentrating on things, such as reading the newspaper or watching "
                "television",
                "Moving or speaking so slowly that other people could have noticed? Or the "
                "opposite — being so fidgety or restless that you have been moving around a "
                "lot more than usual",
                "Thoughts that you would be better off dead or of hurting yourself in some way",
            ),
            start=1,
        )
    ),
    *(
        QuestionSpec(f"gad7_{n}", ANXIETY, FREQUENCY, text)
        for n, text in enumerate(
            (
                "Feeling nervous, anxious or on edge",
                "Not being able to stop or control worrying",
                "Worrying too much about different things",
                "Trouble relaxing",
                "Being so restless that it is hard to sit still",
                "Becoming easily annoyed or irritable",
                "Feeling afraid as if something awful might happen",
            ),
            start=1,
        )
    ),
    QuestionSpec(
        "pain_score",
        PAIN,
        SCALE_0_10,
        "On average over the past week, how bad has your pain been?",
        "0 means no pain at all; 10 means the worst pain you can imagine.",
    ),
)

REQUIRED_CODES = frozenset(q.code for q in DEFAULT_QUESTIONS)
# Answers that call for crisis resources at once, before the form is even sent.
CRISIS_CODES = ("suicidal_thoughts", "phq9_9")
