"""Twenty visitors press 'book' for the same slot at once, on a real PostgreSQL."""

import threading

import pytest
from django.db import connection, connections

from patients.consultations import services
from patients.models import Consultation
from tests.patients.consultations.test_services import at, contact

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent transactions"
)


def test_twenty_concurrent_bookings_for_one_slot_make_exactly_one(
    committed_db, location, consultant, now
):
    start = threading.Barrier(20)
    outcomes = []

    def visitor(n):
        try:
            start.wait()
            services.consultation_book(
                location=location,
                kind="phone",
                starts_at=at(10),
                contact=contact(f"visitor{n}@example.com"),
                now=now,
            )
            outcomes.append("booked")
        except services.SlotTaken as taken:
            outcomes.append("taken" if taken.nearest else "taken, nothing near")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["booked"] + ["taken"] * 19
    assert Consultation.objects.filter(starts_at=at(10)).count() == 1
