"""The patient persona's finished intake."""

import pytest

from tests.screening.factories import PatientFactory


@pytest.fixture
def record(patient):
    """The patient persona's finished intake."""
    return PatientFactory(user=patient)
