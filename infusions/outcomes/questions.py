"""Which of the screening's questions are asked again before each infusion."""

from screening.questions import ANXIETY, DEFAULT_QUESTIONS, DEPRESSION, PAIN, SECTIONS

OUTCOME_SECTIONS = (DEPRESSION, ANXIETY, PAIN)
OUTCOME_QUESTIONS = tuple(q for q in DEFAULT_QUESTIONS if q.section in OUTCOME_SECTIONS)
PAIN_CODE = "pain_score"
# PHQ-9 item 9 (thoughts of being better off dead or of self-harm): any answer but "not at
# all" shows the crisis resources, and the clinician sees it beside the totals.
CRISIS_CODE = "phq9_9"
# The screening's words for the pain section speak of a starting point; these speak of change.
TITLES = {
    **{section: SECTIONS[section] for section in OUTCOME_SECTIONS},
    PAIN: ("Pain", "So that you and your clinician can see how your pain changes."),
}
