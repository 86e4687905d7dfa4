"""Factories for test data. Faker makes every person; no real people's data."""

from datetime import time

import factory
from django.contrib.auth.models import Group

from clinic.accounts.models import User
from clinic.accounts.roles import Role
from clinic.content.models import FAQCategory, FAQEntry, Page
from clinic.locations.models import Chair, Location, OpeningHours


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=Role(extracted).value))


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    name = factory.Sequence(lambda n: f"Test Infusion Center {n}")
    slug = factory.Sequence(lambda n: f"test-center-{n}")
    street_address = factory.Faker("street_address")
    city = factory.Faker("city")
    state = "NY"
    postal_code = factory.Faker("postcode")
    phone = "(212) 555-0100"
    time_zone = "America/New_York"


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpeningHours

    location = factory.SubFactory(LocationFactory)
    weekday = 0
    opens = time(9)
    closes = time(17)


class ChairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chair

    location = factory.SubFactory(LocationFactory)
    name = factory.Sequence(lambda n: f"Chair {n}")


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    slug = factory.Sequence(lambda n: f"page-{n}")
    title = factory.Sequence(lambda n: f"Test page {n}")
    summary = "A page made by a test."
    body = "## A heading\n\nSome **text**."


class FAQCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FAQCategory

    name = factory.Sequence(lambda n: f"Category {n}")


class FAQEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FAQEntry

    category = factory.SubFactory(FAQCategoryFactory)
    question = factory.Sequence(lambda n: f"Test question {n}?")
    answer = "An answer."
    is_published = True


def consent_signed_by(patient, document=None):
    """A signature of the current consent (or `document`), as a record: for tests of what a
    signature allows. Tests of signing itself go through `consent_sign`."""
    from django.utils import timezone

    from patients.consent.document import consent_html, sha256_hex
    from patients.models import ConsentDocument, ConsentSignature

    document = document or ConsentDocument.objects.current()
    html = consent_html(document)
    return ConsentSignature.objects.create(
        patient=patient,
        document=document,
        document_title=document.title,
        document_version=document.version_label,
        typed_name=patient.legal_name or "Test Patient",
        signed_at=timezone.now(),
        signed_at_local="2026-01-01 09:00:00 EST (America/New_York)",
        time_zone="America/New_York",
        shown_html=html,
        shown_sha256=sha256_hex(html),
    )


def on_duty(location, clinician=None):
    """A clinician on duty at the location whenever it is open (a new one unless given)."""
    from infusions.models import DutyShift

    clinician = clinician or UserFactory(role=Role.CLINICIAN)
    for hours in location.opening_hours.all():
        DutyShift.objects.create(
            location=location,
            clinician=clinician,
            weekday=hours.weekday,
            starts=hours.opens,
            ends=hours.closes,
        )
    return clinician
