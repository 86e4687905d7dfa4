"""A clinician's draft of the next questionnaire version."""

import pytest

from screening.editor import services


@pytest.fixture
def draft(clinician):
    return services.questionnaire_draft_start(user=clinician)
