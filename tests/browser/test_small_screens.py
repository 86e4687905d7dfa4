"""Pages on a phone and on a laptop: nothing wider than the screen, a staff header on one
line, and a refused form that takes keyboard focus to a summary of what to fix."""

import re

import pytest
from playwright.sync_api import expect

from clinic.accounts.models import User
from patients.selectors import patient_for_user

from .conftest import log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def focused(page):
    """What has keyboard focus: its tag, id and classes."""
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {tag: e.tagName, id: e.id, classes: Array.from(e.classList)}; }"
    )


def expect_summary_focused(page):
    summary = page.locator(".error-summary")
    expect(summary).to_have_count(1)
    expect(summary).to_be_focused()
    assert "error-summary" in focused(page)["classes"]
    expect(summary).to_have_attribute("role", "alert")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    return summary


def summary_links(page):
    """Each listed problem: the link's text, where it goes, and what it says is wrong."""
    links = page.locator(".error-summary a")
    return [
        (
            links.nth(i).inner_text(),
            links.nth(i).get_attribute("href"),
            links.nth(i).evaluate(
                "a => (a.getAttribute('aria-describedby') || '').split(' ')"
                ".map(id => document.getElementById(id)?.textContent.trim()).join(' ')"
            ),
        )
        for i in range(links.count())
    ]


def book_a_consultation(name):
    from django.utils import timezone

    from clinic.locations.models import Location
    from patients.consultations import services
    from patients.consultations.selectors import consultation_slots

    riverside = Location.objects.get(slug="riverside")
    now = timezone.now()
    slot = consultation_slots(
        location=riverside, first_day=riverside.local_time(now).date(), days=30, now=now
    )[0]
    services.consultation_book(
        location=riverside,
        kind="phone",
        starts_at=slot.starts_at,
        contact=services.Contact(
            full_name=name,
            email="morgan.caller@example.com",
            phone="+18605550111",
            conditions=["ptsd", "fibromyalgia", "migraine"],
            other_condition="",
            preferred_contact_time="evening",
        ),
    )


# 1. Tables on a 390 px phone.


def test_the_medication_rows_stack_as_cards_on_a_phone(page, seeded, check_accessibility):
    patient_for_user(user=User.objects.get(email="patient@example.com"))
    page.set_viewport_size(PHONE)
    log_in(page, "patient@example.com")
    page.goto("/intake/medications/")

    assert page_width(page) <= PHONE["width"]
    medication = page.get_by_label("Medication (row 1)")
    expect(medication).to_be_visible()
    box = medication.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    # Each card shows its labels: the column headings are out of sight.
    expect(page.locator("label[for='id_med-0-name']")).to_have_text(re.compile(r"^Medication"))
    assert page.locator("label[for='id_med-0-name']").bounding_box()["width"] > 20
    check_accessibility(page)

    # A dose without a name: the message by the field, the summary on top, still no sideways.
    page.get_by_label("Dose (row 1)").fill("0.5 mg")
    page.get_by_role("button", name="Save and continue").click()
    expect_summary_focused(page)
    assert summary_links(page) == [
        ("Medication (row 1)", "#id_med-0-name", "Write the medication's name, as on the label.")
    ]
    assert page_width(page) <= PHONE["width"]
    check_accessibility(page)

    # On a laptop the same rows are a table again, with the labels for screen readers only.
    page.set_viewport_size(LAPTOP)
    headings = page.locator("table thead th")
    expect(headings.first).to_be_visible()
    assert page.locator("label[for='id_med-0-name']").bounding_box()["width"] <= 1
    assert page.locator("tbody tr").count() == 3
    dose_top = page.get_by_label("Dose (row 1)").bounding_box()["y"]
    assert abs(page.get_by_label("How often (row 1)").bounding_box()["y"] - dose_top) < 2


def test_the_front_desk_consultations_table_scrolls_in_its_own_box_on_a_phone(
    page, seeded, check_accessibility
):
    book_a_consultation("Morgan Caller")
    page.set_viewport_size(PHONE)
    log_in(page, "frontdesk@example.com")
    page.goto("/staff/consultations/")
    expect(page.get_by_role("row", name="Morgan Caller")).to_be_visible()

    assert page_width(page) <= PHONE["width"]
    box = page.get_by_role("region", name="Consultations")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")  # the table scrolls in it
    expect(box).to_have_attribute("tabindex", "0")  # so a keyboard can scroll it
    box.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("End")
    page.wait_for_function("() => document.querySelector('[data-scroll-region]').scrollLeft > 0")
    check_accessibility(page)

    # Where the table fits, the box is no extra stop for the Tab key.
    page.set_viewport_size(LAPTOP)
    page.reload()
    expect(page.get_by_role("region", name="Consultations")).not_to_have_attribute("tabindex", "0")


# 2. The staff header.


@pytest.mark.parametrize("email", ["admin@example.com", "root@example.com"])
def test_the_staff_header_is_one_line_at_1280_and_a_menu_button_on_a_phone(
    page, seeded, check_accessibility, email
):
    if email == "root@example.com":  # every permission: every link in the header
        User.objects.create_superuser(email, "clinic-demo-2026", first_name="Root", last_name="Q")
    page.set_viewport_size(LAPTOP)
    log_in(page, email)
    page.goto("/staff/consultations/")
    nav = page.get_by_role("navigation", name="Main")
    items = nav.locator(".navbar-brand, .nav-item")
    assert items.count() >= 10
    boxes = [items.nth(i).bounding_box() for i in range(items.count())]
    tops = {round(b["y"]) for b in boxes}
    assert max(tops) - min(tops) <= 2, f"items on more than one line: {tops}"
    assert max(b["height"] for b in boxes) < 48, "an item wraps inside itself"
    assert nav.bounding_box()["height"] < 72
    expect(nav.get_by_role("link", name="Pages")).to_be_visible()
    expect(nav.get_by_role("button", name="Log out")).to_be_visible()
    check_accessibility(page)

    page.set_viewport_size(PHONE)
    assert page_width(page) <= PHONE["width"]
    toggler = nav.get_by_role("button", name="Show or hide the menu")
    expect(toggler).to_be_visible()
    expect(nav.get_by_role("link", name="Consultations")).to_be_hidden()
    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(nav.get_by_role("link", name="Consultations")).to_be_visible()
    # The collapsed menu is one column, its last item at the left like the others.
    staff_home = nav.get_by_role("link", name="Staff home").bounding_box()
    log_out = nav.get_by_role("button", name="Log out").bounding_box()
    assert abs(log_out["x"] - staff_home["x"]) < 2
    assert page_width(page) <= PHONE["width"]
    check_accessibility(page)


# 3. A refused form: a summary at the top takes keyboard focus.


def test_a_refused_sign_up_focuses_a_summary_linking_every_field(page, seeded, check_accessibility):
    page.goto("/signup/")
    page.get_by_role("button", name="Create my account").click()
    summary = expect_summary_focused(page)
    required = "This field is required."
    assert summary_links(page) == [
        ("First name", "#id_first_name", required),
        ("Last name", "#id_last_name", required),
        ("E-mail address", "#id_email", required),
        ("Password", "#id_password1", required),
        ("Password again", "#id_password2", required),
    ]
    # It stands at the top of the form, above the first field.
    assert summary.bounding_box()["y"] < page.get_by_label("First name").bounding_box()["y"]
    check_accessibility(page)

    # A link takes the cursor to its field.
    summary.get_by_role("link", name="E-mail address").click()
    expect(page.get_by_label("E-mail address")).to_be_focused()


def test_a_refused_consultation_booking_focuses_the_summary(page, seeded, check_accessibility):
    page.set_viewport_size(PHONE)
    page.goto("/consultation/riverside/")
    page.get_by_role("button", name="Book my free consultation").click()
    expect_summary_focused(page)
    links = summary_links(page)
    texts = [text for text, _, _ in links]
    assert "Your name" in texts and "E-mail address" in texts and "Phone number" in texts
    # The time is a group of radio buttons: one link, named by its question, to the first.
    slot = [link for link in links if link[1] == "#id_slot_0"]
    assert len(slot) == 1 and "Pick a time for your consultation." in slot[0][2]
    assert not any(href.startswith("#id_slot_") for _, href, _ in links if href != "#id_slot_0")
    # The field's message is said once on the page, by the field (the link points at it).
    expect(page.get_by_text("Pick a time for your consultation.")).to_have_count(1)
    assert page_width(page) <= PHONE["width"]
    check_accessibility(page)
    page.locator(".error-summary").get_by_role("link", name="Phone number").click()
    expect(page.get_by_label("Phone number")).to_be_focused()


def test_a_refused_intake_step_and_its_form_wide_message(page, seeded, check_accessibility):
    patient_for_user(user=User.objects.get(email="patient@example.com"))
    log_in(page, "patient@example.com")
    page.goto("/intake/people/")
    page.get_by_role("button", name="Save and continue").click()
    expect_summary_focused(page)
    links = summary_links(page)
    assert (
        "Emergency contact's name",
        "#id_emergency_contact_name",
        "This field is required.",
    ) in links
    assert len(links) == page.locator("#main .is-invalid").count()
    check_accessibility(page)

    # The medications step refuses an empty list with a message for the whole form: the
    # summary takes it in (said once), with nothing to link.
    page.goto("/intake/medications/")
    page.get_by_role("button", name="Save and continue").click()
    summary = expect_summary_focused(page)
    expect(summary).to_contain_text("or tick “I take no medications”")
    expect(page.get_by_text("or tick “I take no medications”")).to_have_count(1)
    expect(page.locator("#main .alert-danger")).to_have_count(1)  # only the summary
    assert summary_links(page) == []
    check_accessibility(page)


def test_a_refused_consent_focuses_the_summary(page, seeded, check_accessibility):
    from clinic.accounts.roles import Role
    from clinic.locations.models import Location
    from tests.factories import UserFactory
    from tests.screening.factories import PatientFactory

    PatientFactory(
        user=UserFactory(email="sam@example.com", role=Role.PATIENT),
        legal_first_name="Sam",
        legal_last_name="Okafor",
        preferred_location=Location.objects.get(slug="riverside"),
    )
    log_in(page, "sam@example.com", "correct-horse-battery")  # UserFactory's password
    page.goto("/consent/")
    page.get_by_role("button", name="Sign the consent").click()
    expect_summary_focused(page)
    assert summary_links(page) == [
        ("Your full legal name", "#id_typed_name", "Type your full legal name to sign.")
    ]
    check_accessibility(page)

    # The right name but no box ticked: one link for the group, named by its question.
    page.get_by_label("Your full legal name").fill("Sam Okafor")
    page.get_by_role("button", name="Sign the consent").click()
    expect_summary_focused(page)
    [(text, href, message)] = summary_links(page)
    assert text == "I have read and understood"
    assert message.startswith("Please confirm each part")
    first_box = page.locator("#consent-form input[type=checkbox]").first
    assert href == "#" + first_box.get_attribute("id")
    page.locator(".error-summary").get_by_role("link").click()
    expect(first_box).to_be_focused()
    check_accessibility(page)


def test_a_refused_log_in_and_a_refused_staff_form_focus_the_summary(
    page, seeded, check_accessibility
):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill("frontdesk@example.com")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    summary = expect_summary_focused(page)  # not the autofocused e-mail field
    expect(summary).to_contain_text("do not match an account")
    check_accessibility(page)

    log_in(page, "admin@example.com")
    page.goto("/staff/content/faq/new/")
    # The browser's own checks would stop an empty form; the server's are the ones here.
    page.locator("#main form").evaluate("form => { form.noValidate = true; }")
    page.get_by_role("button", name="Save", exact=True).click()
    expect_summary_focused(page)
    assert len(summary_links(page)) >= 1
    assert all(
        text and href.startswith("#id_") and message for text, href, message in summary_links(page)
    )
    check_accessibility(page)


def test_a_page_without_errors_keeps_focus_where_it_was(page, seeded):
    page.goto("/signup/")
    expect(page.locator(".error-summary")).to_have_count(0)
    assert focused(page)["tag"] in ("BODY", "INPUT")
