"""Locations as the database keeps them and as visitors see them."""

import re
from datetime import time

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from clinic.locations.models import Chair, Location, OpeningHours
from tests.factories import ChairFactory, LocationFactory, OpeningHoursFactory
from tests.locations.admin_forms import admin_change_form_data

# Rules the database itself enforces --------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("opens", "closes"), [(time(17), time(9)), (time(9), time(9))], ids=["backwards", "zero-length"]
)
def test_the_database_refuses_hours_that_close_before_they_open(opens, closes):
    location = LocationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        OpeningHours.objects.create(location=location, weekday=0, opens=opens, closes=closes)

    assert not OpeningHours.objects.filter(location=location).exists()


@pytest.mark.django_db
def test_the_database_refuses_a_weekday_outside_monday_to_sunday():
    with pytest.raises(IntegrityError), transaction.atomic():
        OpeningHours.objects.create(
            location=LocationFactory(), weekday=7, opens=time(9), closes=time(17)
        )


@pytest.mark.django_db
def test_full_clean_explains_hours_that_close_before_they_open():
    hours = OpeningHours(location=LocationFactory(), weekday=0, opens=time(17), closes=time(9))

    with pytest.raises(ValidationError) as refused:
        hours.full_clean()

    assert "closes" in refused.value.message_dict


@pytest.mark.django_db
def test_two_chairs_at_one_location_cannot_share_a_name():
    chair = ChairFactory(name="Chair 1")

    with pytest.raises(IntegrityError), transaction.atomic():
        Chair.objects.create(location=chair.location, name="Chair 1")

    assert chair.location.chairs.count() == 1


@pytest.mark.django_db
def test_two_locations_may_each_have_a_chair_with_the_same_name():
    ChairFactory(name="Chair 1")
    ChairFactory(name="Chair 1")

    assert Chair.objects.filter(name="Chair 1").count() == 2


# Time zones ------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "EST5EDT-ish", "", "../../etc/passwd"])
def test_full_clean_refuses_a_time_zone_that_does_not_exist(zone):
    location = LocationFactory.build(time_zone=zone)

    with pytest.raises(ValidationError) as refused:
        location.full_clean()

    assert "time_zone" in refused.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize("zone", ["America/New_York", "America/Chicago", "Pacific/Honolulu"])
def test_full_clean_accepts_a_real_time_zone(zone):
    LocationFactory.build(time_zone=zone).full_clean()


# The public list ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_location_list_puts_open_locations_before_coming_soon_ones(client):
    LocationFactory(name="Aspen Coming Soon", status=Location.Status.COMING_SOON)
    LocationFactory(name="Zephyr Open", status=Location.Status.OPEN)
    LocationFactory(name="Birch Open", status=Location.Status.OPEN)

    html = client.get(reverse("locations:list")).text

    names = re.findall(r'<h2 class="h4 card-title">\s*<a href="[^"]+">([^<]+)</a>', html)
    assert names == ["Birch Open", "Zephyr Open", "Aspen Coming Soon"]


@pytest.mark.django_db
def test_the_location_list_labels_only_coming_soon_locations(client):
    LocationFactory(name="Aspen Coming Soon", status=Location.Status.COMING_SOON)
    LocationFactory(name="Zephyr Open", status=Location.Status.OPEN)

    html = client.get(reverse("locations:list")).text

    cards = dict(
        re.findall(r'<a href="/locations/[^"]+/">([^<]+)</a>(.*?)</div>\s*</div>', html, re.S)
    )
    assert "Coming soon" in cards["Aspen Coming Soon"]
    assert "Not taking bookings yet." in cards["Aspen Coming Soon"]
    assert "Coming soon" not in cards["Zephyr Open"]


@pytest.mark.django_db
def test_the_location_list_with_no_locations_says_they_are_coming(client):
    html = client.get(reverse("locations:list")).text

    assert "Our locations will be listed here soon." in html


@pytest.mark.django_db
def test_the_location_list_needs_the_same_few_queries_however_many_locations(
    client, django_assert_max_num_queries
):
    for _ in range(5):
        OpeningHoursFactory(location=LocationFactory())

    # The content fingerprint (for the cache), locations, their hours, the menu of pages.
    with django_assert_max_num_queries(4):
        client.get(reverse("locations:list"))


@pytest.mark.django_db
def test_only_open_locations_can_be_booked_from_the_consultation_page(client):
    LocationFactory(name="Aspen Coming Soon", slug="aspen", status=Location.Status.COMING_SOON)
    LocationFactory(name="Zephyr Open", slug="zephyr", status=Location.Status.OPEN)

    html = client.get(reverse("patients:consultation_start")).text

    assert 'href="/consultation/zephyr/"' in html
    assert 'href="/consultation/aspen/"' not in html
    assert "Aspen Coming Soon" in html  # listed, but only to say it is coming


# The detail page ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_detail_page_shows_each_days_hours_closed_days_and_the_time_zone(client):
    location = LocationFactory(slug="riverside", time_zone="America/Chicago")
    OpeningHoursFactory(location=location, weekday=0, opens=time(8), closes=time(17))
    OpeningHoursFactory(location=location, weekday=2, opens=time(13), closes=time(18, 30))
    OpeningHoursFactory(location=location, weekday=2, opens=time(8), closes=time(12))

    response = client.get(reverse("locations:detail", args=["riverside"]))

    assert response.status_code == 200
    html = response.text
    rows = dict(re.findall(r'<th scope="row">(\w+)</th>\s*<td>(.*?)</td>', html))
    assert rows == {
        "Monday": "8:00 AM – 5:00 PM",
        "Tuesday": "Closed",
        "Wednesday": "8:00 AM – 12:00 PM, 1:00 PM – 6:30 PM",
        "Thursday": "Closed",
        "Friday": "Closed",
        "Saturday": "Closed",
        "Sunday": "Closed",
    }
    assert "Local time (Central time)." in html


@pytest.mark.django_db
def test_the_detail_page_of_an_open_location_offers_a_consultation(client):
    location = LocationFactory(status=Location.Status.OPEN, phone="(860) 555-0142")

    html = client.get(location.get_absolute_url()).text

    assert 'href="tel:(860) 555-0142"' in html
    assert "Request a free consultation here" in html
    assert "Coming soon" not in html


@pytest.mark.django_db
def test_the_detail_page_of_a_coming_soon_location_says_it_takes_no_bookings(client):
    location = LocationFactory(status=Location.Status.COMING_SOON)

    html = client.get(location.get_absolute_url()).text

    assert "Coming soon" in html
    assert "does not take bookings" in html
    assert "Request a free consultation here" not in html


@pytest.mark.django_db
def test_an_unknown_location_is_a_404(client):
    response = client.get(reverse("locations:detail", args=["atlantis"]))

    assert response.status_code == 404
    assert "We could not find that page" in response.text


# The staff list ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_front_desk_sees_every_location_with_its_chairs_and_which_are_out_of_service(
    client_as,
):
    location = LocationFactory(name="Riverside")
    ChairFactory(location=location, name="Chair 1")
    ChairFactory(location=location, name="Chair 2", is_active=False)
    LocationFactory(name="Lakeshore", status=Location.Status.COMING_SOON)

    html = client_as("front_desk").get(reverse("locations:staff_list")).text

    assert "Riverside" in html
    assert "Lakeshore" in html
    assert "Chair 1, Chair 2 (out of service)" in html


# The admin -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_admin_refuses_hours_that_close_before_they_open(client_as):
    location = LocationFactory()
    hours = OpeningHoursFactory(location=location, weekday=0, opens=time(9), closes=time(17))
    admin = client_as("clinic_admin")
    url = reverse("admin:locations_location_change", args=[location.pk])
    data = admin_change_form_data(admin.get(url))
    row = next(k for k, v in data.items() if k.endswith("-id") and v == hours.pk)
    data[row.removesuffix("id") + "closes"] = "08:00"

    response = admin.post(url, data)

    assert response.status_code == 200
    assert "Closing time must be after opening time." in response.text
    hours.refresh_from_db()
    assert hours.closes == time(17)


@pytest.mark.django_db
def test_the_admin_refuses_two_overlapping_intervals_on_the_same_day(client_as):
    location = LocationFactory()
    OpeningHoursFactory(location=location, weekday=0, opens=time(9), closes=time(17))
    admin = client_as("clinic_admin")
    url = reverse("admin:locations_location_change", args=[location.pk])
    data = admin_change_form_data(admin.get(url))
    data.update(
        {
            "opening_hours-TOTAL_FORMS": 2,
            "opening_hours-1-location": location.pk,
            "opening_hours-1-weekday": 0,
            "opening_hours-1-opens": "12:00",
            "opening_hours-1-closes": "20:00",
        }
    )

    response = admin.post(url, data)

    assert response.status_code == 200  # the form comes back with the problem
    assert "On Monday, 09:00–17:00 and 12:00–20:00 overlap." in response.text
    assert location.opening_hours.count() == 1
