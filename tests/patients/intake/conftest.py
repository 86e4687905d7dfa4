"""The patient persona, logged in."""

import pytest

from tests.logins import log_in


@pytest.fixture
def as_patient(client, patient):
    log_in(client, patient)
    return client
