"""The patient persona taking Xanax, their screening, and a clinician's question to them."""

import pytest

from tests.screening.factories import MedicationFactory, PatientFactory, decide, submit
from tests.screening.views.helpers import QUESTION, Outcome


@pytest.fixture
def record(patient):
    """The patient persona's finished intake: taking Xanax, named so a test can look for it."""
    record = PatientFactory(user=patient, legal_first_name="Marisol", legal_last_name="Quenby-Test")
    MedicationFactory(patient=record, name="Xanax", dose="0.5mg", frequency="twice daily")
    return record


@pytest.fixture
def screening(record):
    """The persona's answers, "yes" to pregnancy (absolute), waiting for a clinician."""
    return submit(record, pregnant="yes", pain_score=6)


@pytest.fixture
def asked(screening, clinician):
    """The clinician asked the patient a question; the screening waits for the answer."""
    return decide(screening, clinician, Outcome.INFO_REQUESTED, question_for_patient=QUESTION)
