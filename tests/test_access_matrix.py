"""Every URL pattern the project defines, opened by the visitor and each role, against the
policy declared in tests/access_policy.py: a new page with no declared policy fails here, and
so does a page that lets in (or keeps out) someone the policy does not say.

The patient's own objects are also opened by a second patient, who must not find them.
"""

from datetime import UTC
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from tests.access import PERSONAS, assert_responds
from tests.access_policy import ADMIN_LOGIN, OWN_OBJECTS, POLICY

ADMIN_PREFIX = "admin/"
# A 1x1 transparent PNG: the photo of an ID on file.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)


# The walk ---------------------------------------------------------------------------------


def url_patterns(resolver=None, prefix="", namespace=""):
    """(policy key, full route, converters) of every pattern; the admin's as one prefix."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":  # Django's own pages, declared as one prefix
                yield ADMIN_PREFIX if route == ADMIN_PREFIX else route, route, {}
                continue
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from url_patterns(entry, route, inner)
        elif isinstance(entry, URLPattern):
            name = entry.name
            key = (f"{namespace}:{name}" if namespace else name) if name else route
            yield key, route, dict(entry.pattern.converters)


def test_every_url_pattern_has_a_declared_policy():
    found = {}
    for key, route, converters in url_patterns():
        found.setdefault(key, []).append((route, converters))

    undeclared = sorted(f"{key} ({found[key][0][0]})" for key in found.keys() - POLICY.keys())
    gone = sorted(POLICY.keys() - found.keys())
    assert not undeclared, f"URL patterns with no declared access policy: {undeclared}"
    assert not gone, f"The access policy names patterns that no longer exist: {gone}"
    for key, routes in found.items():
        for route, converters in routes:
            assert sorted(converters) == sorted(POLICY[key].kwargs), (
                f"{key} ({route}) takes {sorted(converters)}; the policy fills "
                f"{sorted(POLICY[key].kwargs)}"
            )
    shared = sorted(key for key, routes in found.items() if len(routes) > 1)
    assert not shared, f"Names used by more than one pattern: {shared}"


def test_every_declared_cell_names_each_persona():
    for key, policy in POLICY.items():
        assert set(policy.expected) == set(PERSONAS), key
        assert set(policy.wrong_today) <= set(PERSONAS), key


# The objects pages are opened with --------------------------------------------------------


class World:
    """The objects a page's address needs, made on first use: all of them belong to the
    `patient` persona (their record, their infusion, their consent...)."""

    def __init__(self, request):
        self.request = request
        self.made = {}

    def user(self, persona):
        return self.request.getfixturevalue(persona)

    def get(self, kind):
        if kind not in self.made:
            self.made[kind] = getattr(self, f"make_{kind}")()
        return self.made[kind]

    # Places and content.
    def make_location(self):
        from datetime import time

        from tests.factories import LocationFactory, OpeningHoursFactory, on_duty

        location = LocationFactory(name="Midtown Infusion Center", time_zone="America/New_York")
        for weekday in range(5):
            OpeningHoursFactory(location=location, weekday=weekday, opens=time(9), closes=time(17))
        location.booking_horizon_days = 400
        location.save()
        on_duty(location)
        return location

    def make_location_slug(self):
        return self.get("location").slug

    def make_chair(self):
        from tests.factories import ChairFactory

        return ChairFactory(location=self.get("location"), name="Chair 1")

    def make_free_time(self):
        """A time the chair is free: the next Monday at 1 PM in New York, in UTC."""
        from tests.infusions.booking import MONDAY, at, local_day

        return at(local_day(MONDAY), 13).astimezone(UTC).isoformat()

    def make_page(self):
        from tests.factories import PageFactory

        return PageFactory().pk

    def make_published_page_slug(self):
        from clinic.content.models import Page
        from tests.factories import PageFactory

        page = PageFactory()
        Page.objects.filter(pk=page.pk).update(
            published_title=page.title,
            published_summary=page.summary,
            published_body=page.body,
            published_at=timezone.now(),
        )
        return page.slug

    def make_faq(self):
        from tests.factories import FAQEntryFactory

        return FAQEntryFactory().pk

    # The patient persona's record, screening, consent and infusion.
    def make_record(self):
        from tests.factories import consent_signed_by
        from tests.screening.factories import PatientFactory

        record = PatientFactory(
            user=self.user("patient"),
            preferred_location=self.get("location"),
            takes_no_medications=True,
        )
        self.made["signature"] = consent_signed_by(record)
        return record

    def make_patient_record(self):
        return self.get("record").pk

    def make_patient_with_id_photo(self):
        from django.core.files.base import ContentFile

        record = self.get("record")
        record.id_document_photo.save("id.png", ContentFile(PNG), save=True)
        return record.pk

    def make_consent_signature(self):
        self.get("record")
        return self.made["signature"].pk

    def make_screening_obj(self):
        from screening.models import ScreeningDecision
        from tests.screening.factories import decide, submit

        screening = submit(self.get("record"))
        return decide(screening, self.user("clinician"), ScreeningDecision.Outcome.CLEARED)

    def make_screening(self):
        return self.get("screening_obj").pk

    def make_appointment_obj(self):
        from infusions.booking.services import infusion_book
        from tests.infusions.booking import MONDAY, at, local_day

        self.get("screening_obj")  # cleared
        return infusion_book(
            patient=self.get("record"),
            chair=self.get("chair"),
            starts_at=at(local_day(MONDAY), 10).astimezone(UTC),
            booked_by=self.user("front_desk"),
        )

    def make_appointment(self):
        return self.get("appointment_obj").pk

    def make_discharged_appointment(self):
        from infusions.models import InfusionAppointment
        from infusions.models.appointments import Status

        pk = self.get("appointment")
        InfusionAppointment.objects.filter(pk=pk).update(status=Status.DISCHARGED)
        return pk

    def make_reminder(self):
        from infusions.models import Reminder

        reminder = Reminder.objects.filter(appointment=self.get("appointment_obj")).first()
        assert reminder is not None, "booking an infusion schedules its reminders"
        return reminder.pk

    def make_waitlist_entry(self):
        from infusions.models import AppointmentType
        from infusions.waitlist.services import waitlist_join

        self.get("screening_obj")  # cleared
        return waitlist_join(
            patient=self.get("record"),
            location=self.get("location"),
            appointment_type=AppointmentType.objects.get(kind=AppointmentType.Kind.INITIAL),
            preferred_weekdays="0",
            earliest=None,
            latest=None,
            added_by=self.user("front_desk"),
        ).pk

    def make_consultation(self):
        from datetime import timedelta

        from patients.models import Consultation

        starts_at = (timezone.now() + timedelta(days=2)).replace(
            hour=17, minute=0, second=0, microsecond=0
        )
        return Consultation.objects.create(
            location=self.get("location"),
            consultant=self.user("front_desk"),
            kind=Consultation.Kind.PHONE,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=30),
            full_name="Robin Visitor",
            email="visitor@example.com",
            phone="+18605550142",
            conditions=["migraine"],
        ).pk

    # The clinic's documents and catalogues, as the migrations ship them.
    def make_consent_document(self):
        from patients.models import ConsentDocument

        return ConsentDocument.objects.current().pk

    def make_questionnaire_number(self):
        from screening.models import QuestionnaireVersion

        return QuestionnaireVersion.objects.current().number

    def make_question(self):
        from screening.models import QuestionnaireVersion

        return QuestionnaireVersion.objects.current().questions.first().pk

    def make_drug(self):
        from screening.models import Drug

        drug = Drug.objects.first() or Drug.objects.create(
            generic_name="placebo", drug_class="nsaid", severity="mild"
        )
        return drug.pk


@pytest.fixture
def world(request, db):
    return World(request)


def filled(world, fills):
    """url argument -> value: an object kind the world makes, or the literal given."""
    values = {
        arg: world.get(fill) if hasattr(world, f"make_{fill}") else fill
        for arg, fill in fills.items()
    }
    return {arg: getattr(value, "pk", value) for arg, value in values.items()}


def address(key, world):
    if key == ADMIN_PREFIX:
        return reverse("admin:index")
    policy = POLICY[key]
    url = reverse(key, kwargs=filled(world, policy.kwargs))
    return f"{url}?{urlencode(filled(world, policy.query))}" if policy.query else url


def got(response):
    """What a response was, for a failure message: its status, and where it sends."""
    return f"{response.status_code} {response.get('Location', '')}".strip()


def check(response, url, expected):
    try:
        if expected == ADMIN_LOGIN:
            assert response.status_code == 302
            location = urlsplit(response["Location"])
            assert location.path == reverse("admin:login")
            assert parse_qs(location.query)["next"] == [url]
        else:
            assert_responds(response, url, expected)
    except AssertionError as failure:
        raise AssertionError(f"{url}: expected {expected}, got {got(response)}") from failure


# The matrix -------------------------------------------------------------------------------


def _cases():
    for key, policy in POLICY.items():
        for persona in PERSONAS:
            marks = ()
            if persona in policy.wrong_today:
                marks = pytest.mark.xfail(strict=True, reason=policy.wrong_today[persona])
            yield pytest.param(
                key, persona, policy.expected[persona], id=f"{key}-{persona}", marks=marks
            )


@pytest.mark.parametrize(("key", "persona", "expected"), list(_cases()))
def test_each_page_gives_each_persona_what_the_policy_declares(
    client_as, world, key, persona, expected
):
    if persona == "patient":
        world.get("record")  # the patient persona has finished intake and signed consent
    url = address(key, world)
    client = client_as(persona)

    response = client.get(url)

    check(response, url, expected)


# Each patient's own -----------------------------------------------------------------------


@pytest.mark.parametrize(("key", "expected"), list(OWN_OBJECTS.items()))
def test_a_second_patient_cannot_open_the_patients_own_objects(
    client_as, world, other_patient, key, expected
):
    from tests.screening.factories import PatientFactory

    PatientFactory(user=other_patient, preferred_location=world.get("location"))
    url = address(key, world)
    assert client_as("patient").get(url).status_code in (200, 302)  # it is there, for its owner

    response = client_as("other_patient").get(url)

    assert response.status_code == expected
    assert response.status_code != 200


# What a second patient posts to the patient's own objects: not found, and nothing changes.
OWN_ACTIONS = {
    "infusions:my_infusion_cancel": ("appointment", {"confirmed": "yes"}),
    "infusions:my_infusion_move": ("appointment", {"date": "2030-01-07", "time": "10:00"}),
    "infusions:my_infusion": ("appointment", {"driver_name": "Mallory", "driver_phone": "1"}),
    "infusions:my_waitlist_leave": ("waitlist_entry", {}),
}


@pytest.mark.parametrize("key", list(OWN_ACTIONS))
def test_a_second_patient_cannot_change_the_patients_own_objects(
    client_as, world, other_patient, key
):
    from infusions.models import InfusionAppointment, WaitlistEntry
    from tests.screening.factories import PatientFactory

    PatientFactory(user=other_patient, preferred_location=world.get("location"))
    kind, data = OWN_ACTIONS[key]
    model = WaitlistEntry if kind == "waitlist_entry" else InfusionAppointment
    pk = world.get(kind)
    before = model.objects.filter(pk=pk).values().get()

    response = client_as("other_patient").post(reverse(key, kwargs={"pk": pk}), data)

    assert response.status_code == 404
    assert model.objects.filter(pk=pk).values().get() == before
