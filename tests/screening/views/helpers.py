"""What the screening page tests share: outcomes, the clinician's question, crisis resources."""

import re

from screening.models import ScreeningDecision

Outcome = ScreeningDecision.Outcome

QUESTION = "Which dose of Xanax do you take, and how often?"


def crisis_resources(page):
    """(opening tag, whole block) of the crisis resources; every questionnaire carries them,
    hidden until an answer calls for them."""
    block = re.search(r'(<div[^>]*id="crisis-resources"[^>]*>).*?</div>', page, re.S)
    return block.group(1), block.group(0)
