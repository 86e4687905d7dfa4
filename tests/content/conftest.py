"""A clinic admin's logged-in browser and an anonymous visitor's beside it."""

import pytest
from django.test import Client


@pytest.fixture
def clinic_admin_client(client_as):
    return client_as("clinic_admin")


@pytest.fixture
def visitor():
    """An anonymous browser of its own, beside the logged-in `clinic_admin_client`."""
    return Client()
