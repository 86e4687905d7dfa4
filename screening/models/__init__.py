"""The screening app's models, one module per domain; app label and tables are unchanged."""

from .drugs import Drug
from .questionnaire import Question, QuestionnaireVersion
from .screenings import Screening, ScreeningDecision, ScreeningFlag

__all__ = [
    "Drug",
    "Question",
    "QuestionnaireVersion",
    "Screening",
    "ScreeningDecision",
    "ScreeningFlag",
]
