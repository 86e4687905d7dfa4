"""Booking, moving and cancelling a free consultation through the public pages, and the
front desk's list of them.

Times are taken from the booking page itself, whatever today is: the location and its one
consultant are open every day from midnight to 23:59, so the page always offers some.
"""

import html
import re
from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from clinic.accounts.roles import Role
from clinic.lib.signed_links import read_token
from clinic.locations.models import ConsultantHours, Location, OpeningHours
from patients.consultations.selectors import BOOKING_HORIZON_DAYS
from patients.models import Consultation
from tests.factories import LocationFactory, UserFactory
from tests.logins import log_in

pytestmark = pytest.mark.django_db

TAKEN = "Sorry, that time was just taken by someone else. Please pick another."
CONTACT = {
    "kind": "phone",
    "full_name": "Robin  Visitor",
    "email": "robin@example.com",
    "phone": "(860) 555-0142",
    "pain_conditions": ["migraine"],
    "mood_conditions": ["anxiety"],
    "other_condition": "Trouble sleeping",
    "preferred_contact_time": "evening",
}


def open_all_week(location, staff):
    location.opening_hours.all().delete()
    for weekday in range(7):
        OpeningHours.objects.create(
            location=location, weekday=weekday, opens=time(0), closes=time(23, 59)
        )
        ConsultantHours.objects.create(
            staff=staff, location=location, weekday=weekday, starts=time(0), ends=time(23, 59)
        )


@pytest.fixture
def consultant_all_week(location):
    staff = UserFactory(role=Role.FRONT_DESK, email="consultant@example.com")
    open_all_week(location, staff)
    return staff


@pytest.fixture
def book_url(location, consultant_all_week):
    return reverse("patients:consultation_book", args=[location.slug])


# Reading the pages ------------------------------------------------------------------------


def offered(page: str) -> list[tuple[str, str]]:
    """The times a page offers, as (value sent, label shown)."""
    return [
        (value, " ".join(html.unescape(label).split()))
        for value, label in re.findall(
            r'name="slot" value="([^"]+)"[^>]*>\s*<label[^>]*>(.*?)</label>', page, re.S
        )
    ]


def chosen_day(page: str) -> str:
    return re.search(r'<input type="hidden" name="day" value="([^"]*)"', page).group(1)


def day_links(page: str) -> list[str]:
    return re.findall(r'href="\?[^"]*day=(\d{4}-\d\d-\d\d)#times"', page)


def field_errors(page: str, field: str) -> list[str]:
    found = re.findall(rf'id="error_\d+_id_{field}"><strong>(.*?)</strong>', page, re.S)
    return [html.unescape(m) for m in found]


def input_value(page: str, name: str) -> str | None:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page)
    return html.unescape(match.group(1)) if match else None


def is_checked(page: str, name: str, value: str) -> bool:
    return bool(re.search(rf'name="{name}" value="{value}"[^>]*\bchecked\b', page))


def first_time(client, url) -> tuple[str, str, str]:
    """(day, slot value, label) of the first time the booking page offers."""
    page = client.get(url).text
    value, label = offered(page)[0]
    return chosen_day(page), value, label


def booked_through_the_page(client, url, **contact):
    day, value, _ = first_time(client, url)
    response = client.post(url, {**CONTACT, **contact, "day": day, "slot": value})
    assert response.status_code == 302, field_errors(response.text, "slot")
    return Consultation.objects.get(pk=token_pk(response["Location"])), response["Location"]


def token_pk(manage_url: str) -> int:
    token = re.search(r"/consultation/manage/([^/]+)/", manage_url).group(1)
    return read_token("consultation", token)


def take_directly(location, consultant, starts_at, email="someone@example.com"):
    return Consultation.objects.create(
        location=location,
        consultant=consultant,
        kind="phone",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=location.consultation_minutes),
        full_name="Someone Else",
        email=email,
        phone="+18605550100",
        conditions=["ptsd"],
    )


# Booking ----------------------------------------------------------------------------------


def test_the_page_lists_the_days_and_the_times_of_the_day_chosen(client, location, book_url):
    page = client.get(book_url).text

    days = day_links(page)
    assert BOOKING_HORIZON_DAYS - 1 <= len(days) <= BOOKING_HORIZON_DAYS
    assert chosen_day(page) == days[0]
    fourth = days[3]
    later = client.get(f"{book_url}?day={fourth}").text
    assert chosen_day(later) == fourth
    times = offered(later)
    assert len(times) == 47  # every half hour from midnight to 23:30, 23:30 itself excluded
    assert times[0][1] == "12:00 AM" and times[-1][1] == "11:00 PM"
    for value, _ in times:
        assert location.local_time(datetime.fromisoformat(value)).date().isoformat() == fourth


def test_a_valid_request_books_and_opens_the_booking_with_a_confirmation(
    client, location, book_url, mailoutbox, django_capture_on_commit_callbacks
):
    day, value, _ = first_time(client, book_url)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(book_url, {**CONTACT, "day": day, "slot": value})

    assert response.status_code == 302
    assert response["Location"].startswith("/consultation/manage/")
    consultation = Consultation.objects.get()
    assert token_pk(response["Location"]) == consultation.pk
    assert consultation.starts_at == datetime.fromisoformat(value)
    assert consultation.full_name == "Robin Visitor"
    assert consultation.phone == "+18605550142"
    assert consultation.conditions == ["migraine", "anxiety"]
    assert consultation.other_condition == "Trouble sleeping"
    assert consultation.preferred_contact_time == "evening"
    page = client.get(response["Location"]).text
    assert "You are booked. A confirmation is on its way to robin@example.com." in page
    assert sorted(m.to[0] for m in mailoutbox) == [location.email, "robin@example.com"]


def test_a_double_submitted_request_makes_one_booking(client, book_url):
    day, value, _ = first_time(client, book_url)
    data = {**CONTACT, "day": day, "slot": value}

    first = client.post(book_url, data)
    second = client.post(book_url, data)

    assert first.status_code == second.status_code == 302
    assert Consultation.objects.count() == 1
    assert token_pk(first["Location"]) == token_pk(second["Location"])


def test_a_time_just_taken_is_explained_with_other_times_and_the_typing_kept(
    client, location, consultant_all_week, book_url
):
    day, value, _ = first_time(client, book_url)
    take_directly(location, consultant_all_week, datetime.fromisoformat(value))

    response = client.post(book_url, {**CONTACT, "day": day, "slot": value})

    assert response.status_code == 200
    page = response.text
    assert field_errors(page, "slot") == [TAKEN]
    others = offered(page)
    assert 1 <= len(others) <= 3
    assert value not in [v for v, _ in others]
    for other_value, other_label in others:
        local = location.local_time(datetime.fromisoformat(other_value))
        assert other_label == f"{local:%A, %B} {local.day}, {local:%-I:%M %p}"
    assert input_value(page, "full_name") == "Robin  Visitor"
    assert input_value(page, "email") == "robin@example.com"
    assert input_value(page, "phone") == "(860) 555-0142"
    assert input_value(page, "other_condition") == "Trouble sleeping"
    assert is_checked(page, "pain_conditions", "migraine")
    assert is_checked(page, "mood_conditions", "anxiety")
    assert is_checked(page, "preferred_contact_time", "evening")
    assert Consultation.objects.count() == 1

    # One of the times offered instead can be booked straight away.
    again = client.post(book_url, {**CONTACT, "day": day, "slot": others[0][0]})
    assert again.status_code == 302
    assert Consultation.objects.filter(email="robin@example.com").count() == 1


def test_missing_and_wrong_answers_are_explained_beside_each_field(client, book_url):
    day, _, _ = first_time(client, book_url)

    empty = client.post(book_url, {"day": day, "kind": "phone", "preferred_contact_time": "any"})
    wrong = client.post(
        book_url, {**CONTACT, "day": day, "email": "robin-at-example", "phone": "555-01"}
    )

    assert field_errors(empty.text, "slot") == ["Pick a time for your consultation."]
    for field in ("full_name", "email", "phone"):
        assert field_errors(empty.text, field) == ["This field is required."], field
    assert field_errors(empty.text, "other_condition") == [
        "Tick at least one condition, or tell us in your own words what you would like to "
        "talk about."
    ]
    assert field_errors(wrong.text, "email") == ["Enter an e-mail address like name@example.com."]
    assert field_errors(wrong.text, "phone") == [
        "Enter a phone number we can call, such as (555) 010-0142 or +1 555 010 0142."
    ]
    assert field_errors(wrong.text, "slot") == ["Pick a time for your consultation."]
    assert input_value(wrong.text, "full_name") == "Robin  Visitor"
    assert not Consultation.objects.exists()


def test_a_form_filled_in_by_a_robot_books_nothing_and_says_to_call(
    client, location, book_url, mailoutbox
):
    day, value, _ = first_time(client, book_url)

    response = client.post(
        book_url, {**CONTACT, "day": day, "slot": value, "website": "http://spam.example"}
    )

    assert response.status_code == 200
    assert (
        f"We could not take this request online. Please call us on {location.phone} and we "
        "will book it with you." in html.unescape(response.text)
    )
    assert not Consultation.objects.exists()
    assert mailoutbox == []


def test_a_coming_soon_location_shows_so_and_books_nothing(client, location, book_url):
    day, value, _ = first_time(client, book_url)
    location.status = Location.Status.COMING_SOON
    location.save()

    page = client.get(book_url)
    sent = client.post(book_url, {**CONTACT, "day": day, "slot": value})

    for response in (page, sent):
        assert response.status_code == 200
        assert f"{location.name} is not taking bookings yet" in response.text
        assert 'name="slot"' not in response.text
    assert not Consultation.objects.exists()


# The signed link: see, move, cancel -------------------------------------------------------


def test_the_link_moves_the_booking_to_another_day_and_time(
    client, location, book_url, mailoutbox, django_capture_on_commit_callbacks
):
    consultation, manage = booked_through_the_page(client, book_url)
    old_start = consultation.starts_at
    mailoutbox.clear()  # the booking's own confirmation and desk alert

    change = client.get(f"{manage}?change=1").text
    assert old_start.isoformat() not in [v for v, _ in offered(change)]
    other_day = day_links(change)[2]
    page = client.get(f"{manage}?change=1&day={other_day}").text
    value, _ = offered(page)[5]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            manage, {"action": "reschedule", "day": chosen_day(page), "slot": value}
        )

    assert response.status_code == 302
    assert response["Location"] == manage
    consultation.refresh_from_db()
    assert consultation.starts_at == datetime.fromisoformat(value)
    assert consultation.local_starts_at().date().isoformat() == other_day
    assert "Your consultation has a new time." in client.get(manage).text
    assert [m.to for m in mailoutbox] == [["robin@example.com"]]  # the new confirmation
    # The old time is free again for everyone else.
    old_day = location.local_time(old_start).date().isoformat()
    assert old_start.isoformat() in [
        v for v, _ in offered(client.get(f"{book_url}?day={old_day}").text)
    ]


def test_moving_to_a_time_just_taken_is_explained(client, location, consultant_all_week, book_url):
    consultation, manage = booked_through_the_page(client, book_url)
    page = client.get(f"{manage}?change=1").text
    value, _ = offered(page)[-1]
    take_directly(location, consultant_all_week, datetime.fromisoformat(value))

    response = client.post(manage, {"action": "reschedule", "day": chosen_day(page), "slot": value})

    assert response.status_code == 200
    assert field_errors(response.text, "slot") == [TAKEN]
    assert offered(response.text)
    start = consultation.starts_at
    consultation.refresh_from_db()
    assert consultation.starts_at == start


def test_the_link_cancels_once_and_then_offers_to_book_again(
    client, book_url, mailoutbox, django_capture_on_commit_callbacks
):
    consultation, manage = booked_through_the_page(client, book_url)

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(manage, {"action": "cancel", "confirmed": "yes"})
        client.post(manage, {"action": "cancel", "confirmed": "yes"})

    assert first["Location"] == manage
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.CANCELLED
    page = client.get(manage).text
    assert "Your consultation is cancelled." in page
    assert "You are welcome to book another" in page
    assert f'href="{reverse("patients:consultation_start")}"' in page
    assert "Cancel my consultation" not in page and "Change the time" not in page
    assert sum("is cancelled" in m.subject for m in mailoutbox) == 1
    # A cancelled booking cannot be moved.
    client.post(manage, {"action": "reschedule", "slot": consultation.starts_at.isoformat()})
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.CANCELLED


def test_the_calendar_file_holds_the_booked_time(client, book_url):
    consultation, manage = booked_through_the_page(client, book_url)
    token = manage.rstrip("/").rsplit("/", 1)[-1]

    response = client.get(reverse("patients:consultation_calendar", args=[token]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "consultation.ics" in response["Content-Disposition"]
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert event["DTSTART"].dt == consultation.starts_at
    assert event["DTEND"].dt == consultation.ends_at
    assert str(event["UID"]) == f"consultation-{consultation.pk}@testserver"
    assert "/consultation/manage/" in str(event["DESCRIPTION"])


# The front desk's list --------------------------------------------------------------------


@pytest.fixture
def two_locations(location, consultant_all_week):
    harbor = LocationFactory(name="Harbor Point Infusion Center", slug="harbor-point")
    local_midnight = location.local_time(timezone.now()).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    soon = (timezone.now() + timedelta(days=2)).replace(minute=0, second=0, microsecond=0)
    staff = consultant_all_week
    for name, where, starts_at, status in (
        ("Early Today", location, local_midnight, "booked"),
        ("Later Upcoming", location, soon, "booked"),
        ("Yesterday Gone", location, local_midnight - timedelta(days=1), "booked"),
        ("Cancelled Person", location, soon + timedelta(hours=1), "cancelled"),
        ("Harbor Person", harbor, soon + timedelta(hours=2), "booked"),
    ):
        take_directly(where, staff, starts_at, email=f"{name.split()[0].lower()}@example.com")
        Consultation.objects.filter(starts_at=starts_at).update(full_name=name, status=status)
    return location, harbor


def test_the_desk_sees_today_and_upcoming_at_the_chosen_location_only(client_as, two_locations):
    midtown, harbor = two_locations
    client = client_as("front_desk")
    url = reverse("patients:staff_consultations")

    at_midtown = client.get(f"{url}?location={midtown.slug}").text
    at_harbor = client.get(f"{url}?location={harbor.slug}").text

    assert "Early Today" in at_midtown and "Later Upcoming" in at_midtown
    assert at_midtown.index("Early Today") < at_midtown.index("Later Upcoming")
    for absent in ("Yesterday Gone", "Cancelled Person", "Harbor Person"):
        assert absent not in at_midtown
    assert "Harbor Person" in at_harbor
    for absent in ("Early Today", "Later Upcoming"):
        assert absent not in at_harbor


def test_the_list_takes_the_same_queries_for_one_booking_or_many(
    client_as, location, consultant_all_week
):
    client = client_as("front_desk")
    url = f"{reverse('patients:staff_consultations')}?location={location.slug}"
    start = (timezone.now() + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    take_directly(location, consultant_all_week, start)
    client.get(url)  # the session and permissions, once
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for hour in range(1, 8):
        take_directly(location, UserFactory(role=Role.CLINICIAN), start + timedelta(hours=hour))
    with CaptureQueriesContext(connection) as eight:
        page = client.get(url).text

    assert page.count("Someone Else<br>") == 8
    assert len(eight) == len(one)


def test_marking_converted_twice_sends_one_invitation_to_sign_up(
    client_as, location, consultant_all_week, mailoutbox, django_capture_on_commit_callbacks
):
    start = (timezone.now() + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    consultation = take_directly(location, consultant_all_week, start, email="casey@example.com")
    client = client_as("front_desk")
    url = reverse("patients:staff_consultation_outcome", args=[consultation.pk])

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, {"outcome": "converted"})
        second = client.post(url, {"outcome": "converted"})  # clicked again

    assert first.status_code == second.status_code == 302
    consultation.refresh_from_db()
    assert consultation.outcome == Consultation.Outcome.CONVERTED
    assert consultation.invited_at is not None
    [invitation] = mailoutbox
    assert invitation.to == ["casey@example.com"]
    link = re.search(r"https?://[^/\s]+(/signup/\?invite=(\S+))", invitation.body)
    assert link, invitation.body
    assert read_token("invite", link.group(2)) == consultation.pk
    assert "Marked invited to become a patient" in [
        h.history_change_reason for h in consultation.history.all()
    ]
    client.logout()
    signup = client.get(link.group(1)).text
    assert 'value="casey@example.com"' in signup


def test_an_unknown_outcome_changes_nothing(client_as, location, consultant_all_week):
    start = (timezone.now() + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    consultation = take_directly(location, consultant_all_week, start)
    client = client_as("front_desk")

    response = client.post(
        reverse("patients:staff_consultation_outcome", args=[consultation.pk]),
        {"outcome": "new"},
        follow=True,
    )

    assert "Choose called, no answer or converted." in response.text
    consultation.refresh_from_db()
    assert consultation.outcome == Consultation.Outcome.NEW


# Times are shown as the visitor chose them, in the location's zone -------------------------


def as_shown(consultation, fmt):
    local = consultation.local_starts_at()
    return fmt.format(t=local, time=f"{local:%-I:%M %p}")


def on_the_manage_page(client, consultation, manage, mailoutbox, capture):
    return client.get(manage).text, "{t:%A, %B} {t.day}, {t.year}, {time} to"


def in_the_confirmation(client, consultation, manage, mailoutbox, capture):
    [mail] = [m for m in mailoutbox if m.to == [consultation.email]]
    return mail.body, "When: {t:%A, %B} {t.day}, {t.year} at {time} (Eastern time)"


def in_the_desk_alert(client, consultation, manage, mailoutbox, capture):
    [mail] = [m for m in mailoutbox if m.to == [consultation.location.email]]
    return mail.body, "{t:%A, %B} {t.day} at {time}, by phone."


def in_the_cancellation(client, consultation, manage, mailoutbox, capture):
    with capture(execute=True):
        client.post(manage, {"action": "cancel", "confirmed": "yes"})
    [mail] = [m for m in mailoutbox if "is cancelled" in m.subject]
    return mail.body, "on {t:%A, %B} {t.day} at {time} is cancelled"


def in_the_staff_list(client, consultation, manage, mailoutbox, capture):
    log_in(client, UserFactory(role=Role.FRONT_DESK))
    url = f"{reverse('patients:staff_consultations')}?location={consultation.location.slug}"
    return client.get(url).text, "{t:%a %b} {t.day}, {time}"


def on_the_patient_dashboard(client, consultation, manage, mailoutbox, capture):
    log_in(client, UserFactory(role=Role.PATIENT, email=consultation.email))
    return client.get(reverse("patients:dashboard")).text, "{t:%A, %B} {t.day} at {time}"


@pytest.mark.parametrize(
    "where",
    [
        on_the_manage_page,
        in_the_confirmation,
        in_the_desk_alert,
        in_the_cancellation,
        in_the_staff_list,
        on_the_patient_dashboard,
    ],
    ids=lambda f: f.__name__,
)
def test_the_booked_time_is_shown_as_the_visitor_picked_it(
    client, book_url, mailoutbox, django_capture_on_commit_callbacks, where
):
    day, value, label = first_time(client, book_url)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(book_url, {**CONTACT, "day": day, "slot": value})
    consultation = Consultation.objects.get()

    text, fmt = where(
        client, consultation, response["Location"], mailoutbox, django_capture_on_commit_callbacks
    )

    expected = as_shown(consultation, fmt)
    assert label in expected  # what the booking page offered is the location's local time
    assert expected in text
