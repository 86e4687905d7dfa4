"""The clinic admin's draft of a new consent version."""

import pytest

from patients.consent.editor import services


@pytest.fixture
def draft(clinic_admin):
    return services.consent_draft_start(user=clinic_admin)
