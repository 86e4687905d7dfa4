"""The infusion pages: the patient's booking page, the staff's patient list, infusion list and
booking page, and the Django admin.

Every way in asks the same gate: a patient a clinician has not cleared (or who has not signed
the consent) is refused with the reasons, whoever tries and wherever; the admin never books at
all. A patient books only for themselves. Times are typed as wall-clock time at the chair's
location, so a time the clocks skip is refused by the field.
"""

import html
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from infusions.models import InfusionAppointment
from infusions.services import infusion_book
from patients.intake.services import intake_save_medications
from screening.models import ScreeningDecision
from tests.access import ALLOWED, FORBIDDEN, REDIRECT, assert_responds, matrix
from tests.factories import (
    ChairFactory,
    LocationFactory,
    OpeningHoursFactory,
    consent_signed_by,
)
from tests.logins import log_in
from tests.screening.factories import PatientFactory, decide, submit

pytestmark = pytest.mark.django_db

Outcome = ScreeningDecision.Outcome
BOOKERS = ("front_desk", "clinic_admin")
NEW_YORK = ZoneInfo("America/New_York")

# Each way a patient can fall short of cleared, and the reason the page gives.
NOT_CLEARED = {
    "not answered": ("no screening", "The safety questions are not answered yet."),
    "waiting for review": ("pending", "A clinician has not cleared the screening yet."),
    "asked a question": (Outcome.INFO_REQUESTED, "A clinician has not cleared the screening yet."),
    "declined": (Outcome.DECLINED, "A clinician declined the screening."),
}
# What each decision needs written besides the note.
DECISION_FIELDS = {
    Outcome.CLEARED: {},
    Outcome.DECLINED: {},
    Outcome.INFO_REQUESTED: {"question_for_patient": "Which dose of lamotrigine do you take?"},
}
SPRING_FORWARD = "The clocks go forward at that time; choose another."


def a_weekday_ahead(days=7):
    """A Monday-to-Friday date at least `days` ahead in New York, whatever today is."""
    day = datetime.now(NEW_YORK).date() + timedelta(days=days)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def booking_post(chair, day=None, at="10:00", **extra):
    return {"chair": chair.pk, "date": (day or a_weekday_ahead()).isoformat(), "time": at, **extra}


def field_block(page, name):
    """The HTML crispy renders for one field of the booking form, label to error."""
    return re.search(rf'<div id="div_id_{name}".*?(?=<div id="div_id_|</form>)', page, re.S).group(
        0
    )


@pytest.fixture
def location(db):
    """In New York, open 9 to 5 on weekdays and 9 to 1 on Sundays."""
    location = LocationFactory(name="Midtown Infusion Center", time_zone="America/New_York")
    for weekday in (*range(5), 6):
        closes = time(13) if weekday == 6 else time(17)
        OpeningHoursFactory(location=location, weekday=weekday, opens=time(9), closes=closes)
    return location


@pytest.fixture
def chair(location):
    return ChairFactory(location=location, name="Chair 1")


@pytest.fixture
def record(patient, location):
    """The patient persona's finished intake and signed consent, with nothing screened yet."""
    record = PatientFactory(
        user=patient,
        preferred_location=location,
        takes_no_medications=True,
        legal_first_name="Marisol",
        legal_last_name="Quenby-Test",
    )
    consent_signed_by(record)
    return record


@pytest.fixture
def other_record(other_patient, location):
    record = PatientFactory(
        user=other_patient,
        preferred_location=location,
        takes_no_medications=True,
        legal_first_name="Oriel",
        legal_last_name="Vantongeren-Test",
    )
    consent_signed_by(record)
    return record


def screen(record, clinician, state):
    """Bring `record` to `state`: "no screening", "pending", or a decision's outcome."""
    if state == "no screening":
        return record
    screening = submit(record)
    if state != "pending":
        decide(screening, clinician, state, **DECISION_FIELDS[state])
    return record


@pytest.fixture
def cleared(record, clinician):
    return screen(record, clinician, Outcome.CLEARED)


# Who may open each page --------------------------------------------------------------------


@pytest.mark.parametrize(("persona", "expected"), matrix(patient=ALLOWED).items())
def test_only_a_patient_opens_the_patient_booking_page(client_as, cleared, persona, expected):
    url = reverse("infusions:book")

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert ("Book the infusion" in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize(
    ("persona", "expected"),
    matrix(front_desk=ALLOWED, clinician=ALLOWED, clinic_admin=ALLOWED).items(),
)
def test_staff_open_the_patient_list(client_as, cleared, persona, expected):
    url = reverse("infusions:staff_patients")

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert ("Marisol Quenby-Test" in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize(
    ("persona", "expected"),
    matrix(front_desk=ALLOWED, clinician=ALLOWED, clinic_admin=ALLOWED).items(),
)
def test_staff_open_the_infusion_list(client_as, cleared, chair, persona, expected, request):
    day = a_weekday_ahead()
    infusion_book(
        patient=cleared,
        chair=chair,
        starts_at=datetime.combine(day, time(10), tzinfo=NEW_YORK).astimezone(UTC),
        booked_by=request.getfixturevalue("front_desk"),
    )
    url = reverse("infusions:staff_list")

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert ("Marisol Quenby-Test" in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize(
    ("persona", "expected"), matrix(front_desk=ALLOWED, clinic_admin=ALLOWED).items()
)
def test_only_the_front_desk_and_clinic_admins_open_the_staff_booking_page(
    client_as, cleared, persona, expected
):
    url = reverse("infusions:staff_book", args=[cleared.pk])

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    assert ("Book the infusion" in response.text) == (expected == ALLOWED)


@pytest.mark.parametrize("persona", ("patient", "clinician"))
def test_those_who_may_not_book_for_others_cannot_post_to_the_staff_page(
    client_as, cleared, chair, persona
):
    url = reverse("infusions:staff_book", args=[cleared.pk])

    response = client_as(persona).post(url, booking_post(chair))

    assert response.status_code == FORBIDDEN
    assert not InfusionAppointment.objects.exists()


# The gate, on every way in -----------------------------------------------------------------


@pytest.mark.parametrize(("state", "reason"), NOT_CLEARED.values(), ids=NOT_CLEARED.keys())
def test_the_patient_page_refuses_a_patient_not_cleared_and_says_why(
    client_as, record, clinician, chair, state, reason
):
    screen(record, clinician, state)
    client = client_as("patient")
    url = reverse("infusions:book")

    opened = client.get(url)
    sent = client.post(url, booking_post(chair))

    assert reason in html.unescape(opened.text)
    assert "Book the infusion" not in opened.text
    assert sent.status_code == 400
    assert reason in html.unescape(sent.text)
    assert not InfusionAppointment.objects.exists()


@pytest.mark.parametrize("persona", BOOKERS)
@pytest.mark.parametrize(("state", "reason"), NOT_CLEARED.values(), ids=NOT_CLEARED.keys())
def test_the_staff_page_refuses_a_patient_not_cleared_and_says_why(
    client_as, record, clinician, chair, persona, state, reason
):
    screen(record, clinician, state)
    client = client_as(persona)
    url = reverse("infusions:staff_book", args=[record.pk])

    opened = client.get(url)
    sent = client.post(url, booking_post(chair))

    assert reason in html.unescape(opened.text)
    assert "Book the infusion" not in opened.text
    assert sent.status_code == 400
    assert reason in html.unescape(sent.text)
    assert not InfusionAppointment.objects.exists()


@pytest.mark.parametrize("persona", ("patient", "front_desk"))
def test_a_cleared_patient_without_a_signed_consent_is_refused_and_told_why(
    client_as, cleared, chair, persona
):
    cleared.consents.all().delete()
    url = (
        reverse("infusions:book")
        if persona == "patient"
        else reverse("infusions:staff_book", args=[cleared.pk])
    )

    response = client_as(persona).post(url, booking_post(chair))

    assert response.status_code == 400
    assert "The consent is not signed yet." in response.text
    assert not InfusionAppointment.objects.exists()


def test_the_staff_page_refuses_a_patient_whose_intake_is_not_finished(client_as, patient, chair):
    unfinished = PatientFactory(user=patient, intake_completed_at=None, takes_no_medications=None)

    response = client_as("front_desk").post(
        reverse("infusions:staff_book", args=[unfinished.pk]), booking_post(chair)
    )

    assert response.status_code == 400
    assert "The intake is not finished." in response.text
    assert not InfusionAppointment.objects.exists()


def admin_booking_post(record, chair, user):
    starts = datetime.combine(a_weekday_ahead(), time(10))
    return {
        "patient": record.pk,
        "chair": chair.pk,
        "starts_at_0": starts.date().isoformat(),
        "starts_at_1": "10:00:00",
        "ends_at_0": starts.date().isoformat(),
        "ends_at_1": "11:30:00",
        "status": "booked",
        "booked_by": user.pk,
    }


@pytest.mark.parametrize("state", ["pending", Outcome.DECLINED, Outcome.CLEARED])
def test_the_admin_never_adds_an_infusion_even_for_a_superuser(
    admin_client, admin_user, record, clinician, chair, state
):
    screen(record, clinician, state)
    url = "/admin/infusions/infusionappointment/add/"

    opened = admin_client.get(url)
    sent = admin_client.post(url, admin_booking_post(record, chair, admin_user))

    assert opened.status_code == FORBIDDEN
    assert sent.status_code == FORBIDDEN
    assert not InfusionAppointment.objects.exists()


def test_the_admin_never_adds_an_infusion_for_a_clinic_admin(client, clinic_admin, record, chair):
    # The clinic admin holds infusions.add_infusionappointment and may use the admin site.
    assert clinic_admin.is_staff
    assert clinic_admin.has_perm("infusions.add_infusionappointment")
    submit(record)
    log_in(client, clinic_admin)
    url = "/admin/infusions/infusionappointment/add/"

    opened = client.get(url)
    sent = client.post(url, admin_booking_post(record, chair, clinic_admin))

    assert opened.status_code == FORBIDDEN
    assert sent.status_code == FORBIDDEN
    assert not InfusionAppointment.objects.exists()


def test_the_patient_page_books_a_cleared_patient(client_as, cleared, patient, chair):
    day = a_weekday_ahead()

    response = client_as("patient").post(reverse("infusions:book"), booking_post(chair, day))

    assert response.status_code == REDIRECT
    assert response["Location"] == reverse("patients:dashboard")
    appointment = InfusionAppointment.objects.get()
    assert appointment.patient == cleared
    assert appointment.chair == chair
    assert appointment.starts_at == datetime.combine(day, time(10), tzinfo=NEW_YORK)
    assert appointment.booked_by == patient


@pytest.mark.parametrize("persona", BOOKERS)
def test_the_staff_page_books_a_cleared_patient(client_as, cleared, chair, persona, request):
    day = a_weekday_ahead()

    response = client_as(persona).post(
        reverse("infusions:staff_book", args=[cleared.pk]), booking_post(chair, day, at="14:30")
    )

    assert response.status_code == REDIRECT
    assert response["Location"] == reverse("infusions:staff_list")
    appointment = InfusionAppointment.objects.get()
    assert appointment.patient == cleared
    assert appointment.starts_at == datetime.combine(day, time(14, 30), tzinfo=NEW_YORK)
    assert appointment.booked_by == request.getfixturevalue(persona)


# Only for oneself --------------------------------------------------------------------------


def test_the_patient_page_books_for_the_logged_in_patient_whatever_the_form_names(
    client_as, cleared, other_record, clinician, chair
):
    screen(other_record, clinician, Outcome.CLEARED)
    sneaky = booking_post(chair, patient=other_record.pk, patient_pk=other_record.pk)

    client_as("patient").post(reverse("infusions:book"), sneaky)

    assert InfusionAppointment.objects.get().patient == cleared
    assert not other_record.infusions.exists()


def test_a_patient_not_cleared_cannot_book_by_naming_a_cleared_patient(
    client_as, record, other_record, clinician, chair
):
    screen(other_record, clinician, Outcome.CLEARED)
    sneaky = booking_post(chair, patient=other_record.pk, patient_pk=other_record.pk)

    response = client_as("patient").post(reverse("infusions:book"), sneaky)

    assert response.status_code == 400
    assert not InfusionAppointment.objects.exists()


def test_a_patient_cannot_open_the_staff_booking_page_for_another_patient(
    client_as, cleared, other_record, clinician, chair
):
    screen(other_record, clinician, Outcome.CLEARED)
    url = reverse("infusions:staff_book", args=[other_record.pk])

    opened = client_as("patient").get(url)
    sent = client_as("patient").post(url, booking_post(chair))

    assert opened.status_code == FORBIDDEN
    assert sent.status_code == FORBIDDEN
    assert not InfusionAppointment.objects.exists()


# Wall-clock time ---------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ("patient", "front_desk"))
def test_a_time_the_clocks_skip_is_refused_by_the_time_field_keeping_what_was_typed(
    client_as, cleared, chair, persona
):
    url = (
        reverse("infusions:book")
        if persona == "patient"
        else reverse("infusions:staff_book", args=[cleared.pk])
    )
    # 2:00 AM on Sunday, March 14, 2027, New York's clocks jump to 3:00 AM.
    spring_forward = booking_post(chair, day=date(2027, 3, 14), at="02:30")

    response = client_as(persona).post(url, spring_forward)

    assert response.status_code == 400
    page = html.unescape(response.text)
    assert SPRING_FORWARD in field_block(page, "time")
    assert SPRING_FORWARD not in field_block(page, "date")
    assert re.search(r'name="date" value="2027-03-14"', page)
    assert re.search(r'name="time" value="02:30"', page)
    assert re.search(rf'<option value="{chair.pk}" selected>', page)
    assert not InfusionAppointment.objects.exists()


def next_spring_forward():
    """The next day New York's clocks go forward: the second Sunday of March."""
    today = datetime.now(NEW_YORK).date()
    for year in (today.year, today.year + 1):
        march_1 = date(year, 3, 1)
        second_sunday = march_1 + timedelta(days=(6 - march_1.weekday()) % 7 + 7)
        if second_sunday > today:
            return second_sunday
    raise AssertionError("unreachable")


def test_a_time_after_the_clocks_go_forward_is_booked_at_the_right_instant(
    client_as, cleared, chair
):
    day = next_spring_forward()

    response = client_as("patient").post(
        reverse("infusions:book"), booking_post(chair, day=day, at="09:30")
    )

    assert response.status_code == REDIRECT
    # 9:30 AM EDT is 13:30 UTC; in winter time it would be 14:30.
    assert InfusionAppointment.objects.get().starts_at == datetime.combine(
        day, time(13, 30), tzinfo=UTC
    )


def test_a_booked_infusion_shows_on_hold_when_the_review_reopens(
    client_as, cleared, patient, chair, front_desk
):
    client_as("patient").post(reverse("infusions:book"), booking_post(chair, a_weekday_ahead()))
    assert InfusionAppointment.objects.count() == 1
    intake_save_medications(
        patient=cleared, rows=[{"name": "Nardil", "dose": "15mg"}], takes_no_medications=False
    )

    dashboard = client_as("patient").get(reverse("patients:dashboard"))
    assert "On hold until" in dashboard.text
    listing = client_as("front_desk").get(reverse("infusions:staff_list"))
    assert "On hold" in listing.text
    assert "A clinician has not cleared the screening yet." in listing.text
