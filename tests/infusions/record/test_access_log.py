"""The access log: each opening and change of a clinical record says who, when, which
patient, what and from where; clinic admins filter and export it; nobody edits or deletes it."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from clinic.audit.models import AccessEvent
from infusions.record.services import record_open, record_save

pytestmark = pytest.mark.django_db


def test_opening_the_chart_notes_where_from(client_as, arrived):
    client_as("clinician").get(
        reverse("infusions:record", args=[arrived.pk]), REMOTE_ADDR="203.0.113.7"
    )

    [event] = AccessEvent.objects.filter(record__startswith="infusion record")
    assert (event.action, event.patient, event.from_address) == (
        "viewed",
        arrived.patient,
        "203.0.113.7",
    )
    assert event.actor.has_perm("infusions.chart_infusion")


def test_changing_and_signing_the_chart_are_logged_as_such(arrived, clinician):
    record = record_open(arrived, by=clinician)
    record_save(record, by=clinician, changes={"weight_kg": Decimal("70")})

    [event] = AccessEvent.objects.filter(record__startswith="infusion record")
    assert (event.action, event.record, event.actor) == (
        "changed",
        f"infusion record of appointment {arrived.pk}",
        clinician,
    )
    assert event.from_address is None  # not from a request


def test_a_screening_decision_is_logged(cleared):
    event = AccessEvent.objects.get(action="decided")

    assert event.patient == cleared


def test_clinic_admins_export_the_log_and_cannot_change_or_delete_it(client_as, arrived, clinician):
    client_as("clinician").get(reverse("infusions:record", args=[arrived.pk]))
    admin = client_as("clinic_admin")
    changelist = reverse("admin:audit_accessevent_changelist")
    event = AccessEvent.objects.get(action="viewed")

    exported = admin.post(changelist, {"action": "export_csv", "_selected_action": [event.pk]})
    listing = admin.get(changelist + "?action__exact=viewed")
    deleting = admin.post(
        changelist, {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"}
    )
    changing = admin.get(reverse("admin:audit_accessevent_change", args=[event.pk]))

    rows = list(csv.reader(io.StringIO(exported.content.decode())))
    assert rows[0] == ["at", "actor", "action", "record", "patient id", "from"]
    assert rows[1][1:5] == [
        clinician.email,
        "viewed",
        f"infusion record of appointment {arrived.pk}",
        str(arrived.patient_id),
    ]
    assert listing.status_code == 200
    assert AccessEvent.objects.filter(pk=event.pk).exists()
    assert deleting.status_code in (200, 302)
    assert "Save" not in changing.text  # read only


@pytest.mark.parametrize("persona", ["front_desk", "clinician", "patient"])
def test_only_clinic_admins_read_the_log(client_as, persona):
    response = client_as(persona).get(reverse("admin:audit_accessevent_changelist"))

    assert response.status_code in (302, 403)
