"""An infusion on a Monday a week ahead, with the clock moved to that morning and the
patient checked in: what a clinician charts."""

from datetime import timedelta

import pytest
import time_machine

from infusions.booking.services import infusion_book
from infusions.models import TreatmentPlan
from infusions.statuses.services import appointment_check_in
from tests.infusions.booking import at

DRIVER = {"driver_name": "Ann Lee", "driver_phone": "+12125550100"}


@pytest.fixture
def plan(cleared, location, clinician):
    from infusions.models import AppointmentType

    return TreatmentPlan.objects.create(
        patient=cleared,
        location=location,
        initial_type=AppointmentType.objects.order_by("pk").first(),
        created_by=clinician,
    )


@pytest.fixture
def arrived(cleared, chair, monday, front_desk, plan):
    appointment = infusion_book(
        patient=cleared, chair=chair, starts_at=at(monday, 10), booked_by=front_desk
    )
    appointment.plan = plan
    appointment.save(update_fields=["plan"])
    with time_machine.travel(appointment.starts_at - timedelta(minutes=20), tick=True):
        appointment_check_in(appointment, by=front_desk, id_seen=True, **DRIVER)
        yield appointment
