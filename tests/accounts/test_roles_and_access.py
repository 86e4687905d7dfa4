"""Who may open what: every staff page against every persona, plus the landing pages and admin.

The matrix is the contract clinics rely on: patients never see the staff area, front desk and
clinicians see the staff home and the locations list but not the content editor, and a clinic
admin can do everything, including publishing.
"""

from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from clinic.accounts.roles import ROLE_PERMISSIONS, Role
from tests.access import (
    ALLOWED,
    PERSONAS,
    assert_responds,
    assert_sent_to_login,
    matrix,
)
from tests.factories import FAQEntryFactory, PageFactory, UserFactory
from tests.logins import log_in

# Who gets what on a staff page, by persona.
STAFF_AREA = matrix(front_desk=ALLOWED, clinician=ALLOWED, clinic_admin=ALLOWED)
CONTENT_EDITOR = matrix(clinic_admin=ALLOWED)

# (url name, needs: None, "page" or "faq" for the object in the address, who gets what)
STAFF_PAGES = [
    ("accounts:staff_home", None, STAFF_AREA),
    ("locations:staff_list", None, STAFF_AREA),
    ("content:staff_pages", None, CONTENT_EDITOR),
    ("content:staff_page_new", None, CONTENT_EDITOR),
    ("content:staff_page_edit", "page", CONTENT_EDITOR),
    ("content:staff_page_preview", "page", CONTENT_EDITOR),
    ("content:staff_page_history", "page", CONTENT_EDITOR),
    ("content:staff_faq", None, CONTENT_EDITOR),
    ("content:staff_faq_new", None, CONTENT_EDITOR),
    ("content:staff_faq_edit", "faq", CONTENT_EDITOR),
]

MATRIX = [
    pytest.param(url_name, needs, persona, expected, id=f"{url_name}-{persona}")
    for url_name, needs, outcomes in STAFF_PAGES
    for persona, expected in outcomes.items()
]
LOGGED_IN = PERSONAS[1:]


def address(url_name, needs):
    if needs == "page":
        return reverse(url_name, args=[PageFactory().pk])
    if needs == "faq":
        return reverse(url_name, args=[FAQEntryFactory().pk])
    return reverse(url_name)


@pytest.mark.django_db
@pytest.mark.parametrize(("url_name", "needs", "persona", "expected"), MATRIX)
def test_each_staff_page_lets_in_exactly_the_roles_it_should(
    client_as, url_name, needs, persona, expected
):
    url = address(url_name, needs)

    response = client_as(persona).get(url)

    assert_responds(response, url, expected)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        (persona, expected)
        for persona, expected in CONTENT_EDITOR.items()
        if persona != "clinic_admin"
    ],
)
def test_only_a_clinic_admin_can_publish_a_page(client_as, persona, expected):
    page = PageFactory()
    url = reverse("content:staff_page_publish", args=[page.pk])

    response = client_as(persona).post(url, {"action": "publish"})

    assert_responds(response, url, expected)
    page.refresh_from_db()
    assert not page.is_published


@pytest.mark.django_db
def test_a_clinic_admin_publishing_a_page_puts_it_on_the_site(client_as):
    page = PageFactory(title="Parking at Riverside")

    response = client_as("clinic_admin").post(
        reverse("content:staff_page_publish", args=[page.pk]), {"action": "publish"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("content:staff_pages")
    page.refresh_from_db()
    assert page.is_published
    assert page.published_title == "Parking at Riverside"


@pytest.mark.django_db
def test_the_staff_home_shows_a_clinic_admin_every_area_and_front_desk_only_locations(
    client, front_desk, clinic_admin
):
    log_in(client, front_desk)
    desk_page = client.get(reverse("accounts:staff_home")).text
    log_in(client, clinic_admin)
    admin_page = client.get(reverse("accounts:staff_home")).text

    assert reverse("locations:staff_list") in desk_page
    assert reverse("content:staff_pages") not in desk_page
    assert reverse("admin:index") not in desk_page
    for url in (
        reverse("locations:staff_list"),
        reverse("content:staff_pages"),
        reverse("content:staff_faq"),
        reverse("admin:index"),
    ):
        assert url in admin_page


@pytest.mark.django_db
def test_a_clinic_admin_is_not_promised_people_and_roles_they_cannot_manage(client_as):
    client = client_as("clinic_admin")

    staff_home = client.get(reverse("accounts:staff_home")).text

    # Managing accounts could hand out superuser rights, so it stays with superusers.
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403
    assert "people and roles" not in staff_home.lower()


# The patient home and the landing redirect ------------------------------------------------


@pytest.mark.django_db
def test_the_patient_home_sends_an_anonymous_visitor_to_log_in(client):
    url = reverse("accounts:patient_home")

    assert_sent_to_login(client.get(url), url)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", LOGGED_IN)
def test_the_patient_home_opens_for_anyone_logged_in(client_as, persona, request):
    response = client_as(persona).get(reverse("accounts:patient_home"))

    assert response.status_code == 200
    assert request.getfixturevalue(persona).email in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "landing"),
    [
        ("patient", "patients:dashboard"),
        ("front_desk", "accounts:staff_home"),
        ("clinician", "accounts:staff_home"),
        ("clinic_admin", "accounts:staff_home"),
    ],
)
def test_after_login_staff_land_in_the_staff_area_and_patients_in_their_account(
    client_as, persona, landing
):
    response = client_as(persona).get(reverse("accounts:home"))

    assert response.status_code == 302
    assert response["Location"] == reverse(landing)


# Django admin ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_clinic_admin_can_open_the_django_admin(client_as):
    assert client_as("clinic_admin").get("/admin/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["anonymous", "patient", "front_desk", "clinician"])
def test_people_who_are_not_admin_site_users_are_sent_to_the_admin_login(client_as, persona):
    response = client_as(persona).get("/admin/")

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == reverse("admin:login")
    assert parse_qs(location.query)["next"] == ["/admin/"]


# The roles themselves --------------------------------------------------------------------


@pytest.mark.django_db
def test_migrations_create_one_group_per_role_and_nothing_else():
    assert set(Group.objects.values_list("name", flat=True)) == {role.value for role in Role}


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_each_role_group_holds_exactly_the_permissions_the_code_names(role):
    group = Group.objects.get(name=role.value)

    held = {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }

    assert held == set(ROLE_PERMISSIONS[role])


@pytest.mark.django_db
def test_a_patient_holds_no_staff_permission(patient):
    assert patient.get_all_permissions() == set(ROLE_PERMISSIONS[Role.PATIENT])
    assert not patient.has_perm("accounts.access_staff_area")


@pytest.mark.django_db
def test_a_person_with_no_role_lands_on_the_plain_account_page(client):
    log_in(client, UserFactory())

    response = client.get(reverse("accounts:home"))

    assert response["Location"] == reverse("accounts:patient_home")


@pytest.mark.django_db
def test_sync_roles_puts_back_a_permission_someone_removed_by_hand():
    group = Group.objects.get(name=Role.CLINIC_ADMIN.value)
    group.permissions.remove(group.permissions.get(codename="publish_page"))

    call_command("sync_roles", stdout=StringIO())

    assert group.permissions.filter(codename="publish_page").exists()


# People in the Django admin ----------------------------------------------------------------


@pytest.mark.django_db
def test_adding_a_second_account_for_an_address_in_another_case_explains_the_address_is_taken(
    client,
):
    log_in(client, UserFactory(is_staff=True, is_superuser=True))
    UserFactory(email="jordan@example.com")

    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "Jordan@Example.com",
            "password1": "a-quiet-lake-in-autumn",
            "password2": "a-quiet-lake-in-autumn",
            "usable_password": "true",
        },
    )

    assert response.status_code == 200  # refused, the form is shown again
    html = response.text
    assert "An account with this e-mail address already exists." in html
    assert "user_email_unique_ignoring_case" not in html
