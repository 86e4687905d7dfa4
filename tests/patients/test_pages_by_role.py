"""Who may open each consultation and intake page, and that nobody sees another person's.

The front desk works the consultation list and records outcomes; a clinician may read the
list but not change it; a patient fills in only their own intake, which staff never fill in
for them; the booking pages are public. A signed link opens one consultation and no other.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from clinic.lib.signed_links import make_token
from patients.intake.steps import STEP_SLUGS
from patients.models import Consultation, Patient
from tests.access import (
    ALLOWED,
    FORBIDDEN,
    REDIRECT,
    assert_responds,
    assert_sent_to_login,
    matrix,
)
from tests.factories import LocationFactory
from tests.logins import log_in

pytestmark = pytest.mark.django_db

STAFF_PERSONAS = ("front_desk", "clinician", "clinic_admin")


def book_directly(location, consultant, *, days_ahead=2, full_name="Robin Visitor", **extra):
    # 17:00 UTC is midday in New York: the same date whichever zone a page shows it in.
    starts_at = (timezone.now() + timedelta(days=days_ahead)).replace(
        hour=17, minute=0, second=0, microsecond=0
    )
    return Consultation.objects.create(
        location=location,
        consultant=consultant,
        kind=extra.pop("kind", Consultation.Kind.PHONE),
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=30),
        full_name=full_name,
        email=extra.pop("email", "visitor@example.com"),
        phone="+18605550142",
        conditions=["migraine"],
        **extra,
    )


@pytest.fixture
def booking(location, consultant):
    return book_directly(location, consultant)


# Front-desk pages ---------------------------------------------------------------------------

STAFF_LIST = matrix(front_desk=ALLOWED, clinician=ALLOWED, clinic_admin=ALLOWED)
# A clinician reads the list but changes nothing.
RECORD_OUTCOME = matrix(front_desk=REDIRECT, clinic_admin=REDIRECT)


@pytest.mark.parametrize(("persona", "expected"), STAFF_LIST.items())
def test_the_consultation_list_opens_for_staff_only(client_as, booking, persona, expected):
    url = reverse("patients:staff_consultations")

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)
    if expected == ALLOWED:
        assert "Robin Visitor" in response.text
    else:
        assert "Robin Visitor" not in response.text


@pytest.mark.parametrize(("persona", "expected"), RECORD_OUTCOME.items())
def test_only_the_front_desk_and_admins_record_an_outcome(client_as, booking, persona, expected):
    url = reverse("patients:staff_consultation_outcome", args=[booking.pk])

    response = client_as(persona).post(url, {"outcome": "called"})

    booking.refresh_from_db()
    assert_responds(response, url, expected)
    if expected == REDIRECT:
        assert response["Location"] == (
            f"{reverse('patients:staff_consultations')}?location={booking.location.slug}"
        )
        assert booking.outcome == Consultation.Outcome.CALLED
    else:
        assert booking.outcome == Consultation.Outcome.NEW


@pytest.mark.parametrize(
    ("persona", "sees_buttons"),
    [("front_desk", True), ("clinician", False), ("clinic_admin", True)],
)
def test_the_list_offers_outcome_buttons_only_to_those_who_may_use_them(
    client_as, booking, persona, sees_buttons
):
    page = client_as(persona).get(reverse("patients:staff_consultations")).text

    outcome_url = reverse("patients:staff_consultation_outcome", args=[booking.pk])
    assert (outcome_url in page) is sees_buttons
    assert ("Mark as" in page) is sees_buttons


# Patient pages ------------------------------------------------------------------------------

# (url name, args, method, what a patient gets: a status or the page it is sent to)
PATIENT_PAGES = [
    ("patients:dashboard", [], "get", ALLOWED),
    ("patients:intake_start", [], "get", reverse("patients:intake_step", args=["about-you"])),
    *[("patients:intake_step", [slug], "get", ALLOWED) for slug in STEP_SLUGS],
    ("patients:intake_review", [], "get", ALLOWED),
    # Finishing with steps still to do sends the patient back to the review page.
    ("patients:intake_finish", [], "post", reverse("patients:intake_review")),
]
PATIENT_MATRIX = [
    pytest.param(
        url_name,
        args,
        method,
        persona,
        for_patient,
        id=f"{url_name}{'-' + args[0] if args else ''}-{persona}",
    )
    for url_name, args, method, for_patient in PATIENT_PAGES
    for persona in ("anonymous", "patient", *STAFF_PERSONAS)
]


@pytest.mark.parametrize(("url_name", "args", "method", "persona", "for_patient"), PATIENT_MATRIX)
def test_intake_pages_are_for_patients_only(
    client_as, url_name, args, method, persona, for_patient
):
    url = reverse(url_name, args=args)

    response = getattr(client_as(persona), method)(url)

    if persona == "anonymous":
        assert_sent_to_login(response, url)
    elif persona in STAFF_PERSONAS:
        # Staff have no intake of their own, and never fill in one for a patient.
        assert response.status_code == FORBIDDEN
    elif for_patient == ALLOWED:
        assert response.status_code == ALLOWED
    else:
        assert response.status_code == 302
        assert response["Location"] == for_patient


def test_staff_opening_intake_pages_get_no_patient_record(client_as):
    for url in (
        reverse("patients:dashboard"),
        reverse("patients:intake_start"),
        reverse("patients:intake_step", args=["about-you"]),
    ):
        client_as("front_desk").get(url)
    assert not Patient.objects.exists()


# Public pages -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url_name", ["patients:consultation_start", "patients:consultation_book", "patients:signup"]
)
def test_the_booking_and_signup_pages_are_open_to_anyone(client, location, url_name):
    args = [location.slug] if url_name == "patients:consultation_book" else []

    response = client.get(reverse(url_name, args=args))

    assert response.status_code == 200


# Each person sees their own -----------------------------------------------------------------

NAMES = {
    "patient": ("Zephyrine", "Ashcombe-Lowell"),
    "other_patient": ("Quillon", "Brightwater-Vance"),
}


@pytest.fixture
def two_intakes(patient, other_patient):
    for persona, user in (("patient", patient), ("other_patient", other_patient)):
        first, last = NAMES[persona]
        Patient.objects.create(
            user=user,
            legal_first_name=first,
            legal_last_name=last,
            emergency_contact_name=f"Contact of {first}",
        )


@pytest.mark.parametrize(
    ("me", "them"), [("patient", "other_patient"), ("other_patient", "patient")]
)
def test_a_patient_sees_only_their_own_intake(client, request, two_intakes, me, them):
    log_in(client, request.getfixturevalue(me))
    my_first, my_last = NAMES[me]
    their_first, their_last = NAMES[them]

    dashboard = client.get(reverse("patients:dashboard")).text
    review = client.get(reverse("patients:intake_review")).text
    about_you = client.get(reverse("patients:intake_step", args=["about-you"])).text
    people = client.get(reverse("patients:intake_step", args=["people"])).text

    assert f"Welcome, {my_first}" in dashboard
    assert f"{my_first} {my_last}" in review
    assert f'value="{my_last}"' in about_you
    assert f'value="Contact of {my_first}"' in people
    for page in (dashboard, review, about_you, people):
        assert their_first not in page
        assert their_last not in page


@pytest.fixture
def two_bookings(location, consultant):
    harbor = LocationFactory(name="Harbor Point Infusion Center", slug="harbor-point")
    mine = book_directly(location, consultant, days_ahead=3, kind=Consultation.Kind.IN_PERSON)
    theirs = book_directly(
        harbor,
        consultant,
        days_ahead=5,
        kind=Consultation.Kind.IN_PERSON,
        full_name="Sam Someone-Else",
        email="sam@example.com",
    )
    return mine, theirs


def when(consultation):
    return f"{consultation.local_starts_at():%A, %B} {consultation.local_starts_at().day}"


def test_a_manage_link_opens_its_own_consultation_and_no_other(client, two_bookings):
    mine, theirs = two_bookings

    page = client.get(
        reverse("patients:consultation_manage", args=[make_token("consultation", mine.pk)])
    ).text

    assert when(mine) in page
    assert "Midtown Infusion Center" in page
    assert when(theirs) not in page
    assert "Harbor Point Infusion Center" not in page


def altered_tokens(mine, theirs):
    my_token = make_token("consultation", mine.pk)
    their_payload = make_token("consultation", theirs.pk).split(":", 1)[0]
    _, rest = my_token.split(":", 1)
    last = "A" if my_token[-1] != "A" else "B"
    return {
        # Their id with my signature: someone edits the link to look at another booking.
        "swapped id": f"{their_payload}:{rest}",
        "changed signature": my_token[:-1] + last,
        "made up": "MQ:forged:signature",
        "another purpose": make_token("invite", mine.pk),
        "another purpose, their id": make_token("confirm-email", theirs.pk),
    }


@pytest.mark.parametrize(
    "kind",
    ["swapped id", "changed signature", "made up", "another purpose", "another purpose, their id"],
)
@pytest.mark.parametrize(
    "url_name", ["patients:consultation_manage", "patients:consultation_calendar"]
)
def test_a_forged_or_borrowed_link_finds_nothing(client, two_bookings, kind, url_name):
    mine, theirs = two_bookings
    token = altered_tokens(mine, theirs)[kind]

    response = client.get(reverse(url_name, args=[token]))

    assert response.status_code == 404
    assert when(mine) not in response.text
    assert when(theirs) not in response.text


def test_a_forged_link_cannot_cancel_a_consultation(client, two_bookings):
    mine, theirs = two_bookings
    token = altered_tokens(mine, theirs)["swapped id"]

    response = client.post(
        reverse("patients:consultation_manage", args=[token]),
        {"action": "cancel", "confirmed": "yes"},
    )

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Consultation.Status.BOOKED
