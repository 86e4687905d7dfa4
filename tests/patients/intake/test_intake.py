"""A patient fills in the intake through the pages, one saved step at a time.

What people rely on: every step is saved as it is sent, mistakes are explained beside the
field with the typing kept, the medication list is said in full (rows or an explicit "none"),
the ID photo is checked and kept private, typing survives an ended session for its owner
only, and every change is kept in the history.
"""

import html
import io
import re
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from patients.intake.steps import STEP_SLUGS
from patients.models import Medication, Patient
from tests.logins import log_in

pytestmark = pytest.mark.django_db


def step_url(slug):
    return reverse("patients:intake_step", args=[slug])


def field_errors(page: str, field: str) -> list[str]:
    """The messages shown beside one field (crispy's error block, or the medication table's)."""
    crispy = re.findall(rf'id="error_\d+_id_{re.escape(field)}"><strong>(.*?)</strong>', page, re.S)
    table = re.findall(rf'id="id_{re.escape(field)}-error">(.*?)</div>', page, re.S)
    return [html.unescape(m).strip() for m in crispy + table]


def input_value(page: str, name: str) -> str | None:
    match = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*value="([^"]*)"', page)
    return html.unescape(match.group(1)) if match else None


def today():
    return timezone.localdate()


def years_ago(years, day=None):
    day = day or today()
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # February 29th
        return day.replace(year=day.year - years, day=28)


ABOUT_YOU = {
    "legal_first_name": "Zephyrine",
    "legal_last_name": "Ashcombe",
    "preferred_name": "Zeph",
    "date_of_birth": "1980-05-17",
    "phone": "(860) 555-0142",
    "street_address": "12 Elm Street",
    "city": "Hartford",
    "state": "CT",
    "postal_code": "06103",
}
PEOPLE = {
    "emergency_contact_name": "Morgan Ashcombe",
    "emergency_contact_phone": "860-555-0199",
    "emergency_contact_relationship": "Sister",
    "escort_name": "Morgan Ashcombe",
    "escort_phone": "860-555-0199",
}
HEALTH = {"medical_history": "Appendix out in 2001.", "allergies": "Penicillin: a rash."}


def care(location):
    return {
        "preferred_location": str(location.pk),
        "pain_conditions": ["migraine"],
        "other_condition": "",
        "referring_clinician": "",
        "referring_clinician_phone": "",
    }


def medications(*rows, none_ticked=False, initial=0):
    data = {
        "med-TOTAL_FORMS": str(len(rows)),
        "med-INITIAL_FORMS": str(initial),
        "med-MIN_NUM_FORMS": "0",
        "med-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        for key in ("name", "dose", "frequency", "prescriber", "DELETE"):
            if row.get(key):
                data[f"med-{i}-{key}"] = row[key]
    if none_ticked:
        data["takes_no_medications"] = "on"
    return data


def identity(expiry=None):
    return {
        "id_document_type": "drivers_license",
        "id_document_expiry": (expiry or years_ago(-3)).isoformat(),
    }


def all_steps(location):
    return {
        "about-you": ABOUT_YOU,
        "people": PEOPLE,
        "care": care(location),
        "health": HEALTH,
        "medications": medications(none_ticked=True),
        "identity": identity(),
    }


@pytest.fixture
def as_patient(client, patient):
    log_in(client, patient)
    return client


def the_patient(user):
    return Patient.objects.get(user=user)


# Moving through the steps -------------------------------------------------------------------


def test_each_step_saves_and_opens_the_next(as_patient, patient, location):
    steps = all_steps(location)

    for index, slug in enumerate(STEP_SLUGS):
        response = as_patient.post(step_url(slug), steps[slug])

        following = (
            step_url(STEP_SLUGS[index + 1])
            if index + 1 < len(STEP_SLUGS)
            else reverse("patients:intake_review")
        )
        assert response.status_code == 302, field_errors(response.text, "__all__")
        assert response["Location"] == following
        assert the_patient(patient).intake_steps_done == STEP_SLUGS[: index + 1]

    saved = the_patient(patient)
    assert saved.legal_name == "Zephyrine Ashcombe"
    assert saved.date_of_birth == date(1980, 5, 17)
    assert saved.phone == "+18605550142"  # one way of writing it, whatever was typed
    assert saved.escort_phone == "+18605550199"
    assert saved.preferred_location == location
    assert saved.conditions == ["migraine"]
    assert saved.takes_no_medications is True
    assert saved.id_document_expiry == years_ago(-3)
    assert saved.intake_completed_at is None  # saved, not yet finished


def test_save_and_finish_later_goes_to_the_dashboard_which_shows_progress(as_patient, patient):
    response = as_patient.post(step_url("about-you"), {**ABOUT_YOU, "save_and_leave": "1"})
    assert response.status_code == 302

    dashboard = as_patient.get(response["Location"], follow=True)

    assert dashboard.redirect_chain[-1][0] == reverse("patients:dashboard")
    assert "Saved. You can carry on whenever you like" in dashboard.text
    assert 'aria-valuenow="17"' in dashboard.text  # one step of six
    continue_link = re.search(r'<a[^>]*href="([^"]+)"[^>]*>Continue my intake</a>', dashboard.text)
    assert continue_link and continue_link.group(1) == step_url("people")
    assert the_patient(patient).intake_steps_done == ["about-you"]


def test_a_new_patient_is_offered_to_start_and_a_finished_one_to_review(
    as_patient, patient, location
):
    first = as_patient.get(reverse("patients:dashboard")).text
    assert "Start my intake" in first and "Continue my intake" not in first

    for slug, data in all_steps(location).items():
        as_patient.post(step_url(slug), data)
    as_patient.post(reverse("patients:intake_finish"))

    done = as_patient.get(reverse("patients:dashboard")).text
    assert "Complete since" in done
    assert reverse("patients:intake_review") in done


def test_it_refuses_to_finish_before_every_step_is_saved_and_lists_what_is_missing(
    as_patient, patient
):
    as_patient.post(step_url("about-you"), ABOUT_YOU)

    response = as_patient.post(reverse("patients:intake_finish"), follow=True)

    assert response.redirect_chain == [(reverse("patients:intake_review"), 302)]
    assert "Some steps are not saved yet" in response.text
    still_to_do = re.search(r"Still to do:(.*?)</ul>", response.text, re.S).group(1)
    listed = re.findall(r'<a href="([^"]+)">([^<]+)</a>', still_to_do)
    assert [(url, html.unescape(title)) for url, title in listed] == [
        (step_url("people"), "Emergency contact and driver"),
        (step_url("care"), "Your care"),
        (step_url("health"), "Health history"),
        (step_url("medications"), "Medications"),
        (step_url("identity"), "Photo ID"),
    ]
    assert "Finish my intake" not in response.text
    assert the_patient(patient).intake_completed_at is None


def test_finishing_sets_the_completion_time_once(as_patient, patient, location):
    for slug, data in all_steps(location).items():
        as_patient.post(step_url(slug), data)

    response = as_patient.post(reverse("patients:intake_finish"), follow=True)
    finished_at = the_patient(patient).intake_completed_at
    again = as_patient.post(reverse("patients:intake_finish"))

    assert "your intake is complete" in response.text
    assert finished_at is not None
    assert again.status_code == 302
    saved = the_patient(patient)
    assert saved.intake_completed_at == finished_at
    assert saved.history.filter(history_change_reason="Intake finished").count() == 1


def test_finishing_is_only_by_post(as_patient):
    assert as_patient.get(reverse("patients:intake_finish")).status_code == 405


# Mistakes are explained beside the field, with the typing kept ------------------------------


@pytest.mark.parametrize(
    ("birth", "message"),
    [
        (years_ago(17), "Our clinic treats adults only: patients must be 18 or older."),
        (years_ago(18) + timedelta(days=1), "Our clinic treats adults only"),
        ("1980-02-30", "the day does not exist in that month"),
        ("30/02/1980", "That is not a date we can read"),
        (date.today() + timedelta(days=2), "A date of birth cannot be in the future."),  # noqa: DTZ011
        ("1850-01-01", "Please check the year of birth."),
    ],
    ids=["seventeen", "a day short of eighteen", "no such day", "unreadable", "future", "1850"],
)
def test_a_wrong_date_of_birth_is_explained_and_the_typing_kept(
    as_patient, patient, birth, message
):
    typed = birth.isoformat() if isinstance(birth, date) else birth

    response = as_patient.post(step_url("about-you"), {**ABOUT_YOU, "date_of_birth": typed})

    assert response.status_code == 200
    [error] = field_errors(response.text, "date_of_birth")
    assert message in error
    assert input_value(response.text, "date_of_birth") == typed
    assert input_value(response.text, "legal_first_name") == "Zephyrine"
    assert input_value(response.text, "street_address") == "12 Elm Street"
    saved = the_patient(patient)
    assert saved.date_of_birth is None
    assert saved.intake_steps_done == []


def test_a_patient_who_is_eighteen_today_is_accepted(as_patient, patient):
    response = as_patient.post(
        step_url("about-you"), {**ABOUT_YOU, "date_of_birth": years_ago(18).isoformat()}
    )

    assert response.status_code == 302
    assert the_patient(patient).date_of_birth == years_ago(18)


@pytest.mark.parametrize(
    ("slug", "field", "data"),
    [
        ("about-you", "phone", ABOUT_YOU),
        ("people", "emergency_contact_phone", PEOPLE),
        ("people", "escort_phone", PEOPLE),
    ],
)
def test_a_phone_number_nobody_could_call_is_explained(as_patient, patient, slug, field, data):
    response = as_patient.post(step_url(slug), {**data, field: "555-01"})

    assert response.status_code == 200
    assert field_errors(response.text, field) == [
        "Enter a phone number we can call, such as (555) 010-0142 or +1 555 010 0142."
    ]
    assert input_value(response.text, field) == "555-01"
    assert the_patient(patient).intake_steps_done == []


def test_missing_required_fields_are_named_one_by_one(as_patient, patient):
    response = as_patient.post(step_url("people"), {"escort_name": "Morgan Ashcombe"})

    for field in (
        "emergency_contact_name",
        "emergency_contact_phone",
        "emergency_contact_relationship",
        "escort_phone",
    ):
        assert field_errors(response.text, field) == ["This field is required."], field
    assert field_errors(response.text, "escort_name") == []
    assert input_value(response.text, "escort_name") == "Morgan Ashcombe"


def test_an_expired_id_is_refused_with_the_reason(as_patient, patient):
    yesterday = today() - timedelta(days=1)

    response = as_patient.post(step_url("identity"), identity(expiry=yesterday))

    assert response.status_code == 200
    [error] = field_errors(response.text, "id_document_expiry")
    assert error.startswith("This ID has expired.")
    assert input_value(response.text, "id_document_expiry") == yesterday.isoformat()
    assert the_patient(patient).id_document_expiry is None


def test_care_needs_a_condition_ticked_or_described(as_patient, patient, location):
    response = as_patient.post(step_url("care"), {**care(location), "pain_conditions": []})

    assert field_errors(response.text, "other_condition") == [
        "Tick at least one condition, or describe yours in your own words."
    ]
    assert the_patient(patient).conditions == []


# Medications --------------------------------------------------------------------------------

SERTRALINE = {"name": "Sertraline", "dose": "50 mg", "frequency": "daily", "prescriber": "Dr Ng"}
XANAX = {"name": "Xanax .5mg"}


def answer_error(page):
    match = re.search(r'id="medications-error">(.*?)</div>', page, re.S)
    return html.unescape(match.group(1)) if match else None


def test_an_empty_list_is_not_taken_as_no_medications(as_patient, patient):
    response = as_patient.post(step_url("medications"), medications({}, {}, {}, initial=3))

    assert response.status_code == 200
    assert answer_error(response.text).startswith(
        "List every medication you take, including over-the-counter ones and supplements, "
        "or tick “I take no medications”."
    )
    saved = the_patient(patient)
    assert saved.takes_no_medications is None
    assert "medications" not in saved.intake_steps_done


def test_rows_and_no_medications_ticked_together_are_refused(as_patient, patient):
    response = as_patient.post(step_url("medications"), medications(SERTRALINE, none_ticked=True))

    assert response.status_code == 200
    assert "ticked “I take no medications”" in answer_error(response.text)
    assert input_value(response.text, "med-0-name") == "Sertraline"
    assert not Medication.objects.exists()


def test_ticking_no_medications_is_an_answer(as_patient, patient):
    response = as_patient.post(step_url("medications"), medications({}, none_ticked=True))

    assert response.status_code == 302
    saved = the_patient(patient)
    assert saved.takes_no_medications is True
    assert not saved.medications.exists()
    assert "None, as you told us" in as_patient.get(reverse("patients:intake_review")).text


def test_a_medication_is_kept_exactly_as_typed(as_patient, patient):
    response = as_patient.post(step_url("medications"), medications(XANAX, {}, initial=2))

    assert response.status_code == 302
    [row] = the_patient(patient).medications.all()
    assert row.name == "Xanax .5mg"
    assert row.dose == ""
    assert the_patient(patient).takes_no_medications is False


def test_a_dose_without_a_name_is_explained_beside_the_row(as_patient, patient):
    response = as_patient.post(step_url("medications"), medications(SERTRALINE, {"dose": "10 mg"}))

    assert field_errors(response.text, "med-1-name") == [
        "Write the medication's name, as on the label."
    ]
    assert input_value(response.text, "med-1-dose") == "10 mg"
    assert not Medication.objects.exists()


def management_form(page):
    return {
        f"med-{key}": input_value(page, f"med-{key}")
        for key in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")
    }


def rows_typed(*rows):
    return {f"med-{i}-{key}": value for i, row in enumerate(rows) for key, value in row.items()}


def test_the_same_list_sent_twice_is_saved_once(as_patient, patient):
    page = as_patient.get(step_url("medications")).text
    assert input_value(page, "med-TOTAL_FORMS") == "3"  # three empty rows to start with
    data = {**management_form(page), **rows_typed(SERTRALINE, XANAX)}

    first = as_patient.post(step_url("medications"), data)
    second = as_patient.post(step_url("medications"), data)  # a double-click

    assert first.status_code == second.status_code == 302
    names = list(the_patient(patient).medications.values_list("name", flat=True))
    assert names == ["Sertraline", "Xanax .5mg"]


def test_a_double_click_after_adding_a_row_keeps_every_row(as_patient, patient):
    ibuprofen = {"name": "Ibuprofen", "dose": "200 mg"}
    vitamin_d = {"name": "Vitamin D", "dose": "1000 IU"}
    page = as_patient.get(step_url("medications")).text
    typed = rows_typed(SERTRALINE, XANAX, ibuprofen)
    page = as_patient.post(
        step_url("medications"), {**management_form(page), **typed, "add_row": "1"}
    ).text
    data = {**management_form(page), **rows_typed(SERTRALINE, XANAX, ibuprofen, vitamin_d)}
    assert data["med-TOTAL_FORMS"] == "4"

    first = as_patient.post(step_url("medications"), data)
    assert first.status_code == 302
    assert the_patient(patient).medications.count() == 4
    second = as_patient.post(step_url("medications"), data)  # a double-click

    assert second.status_code == 302
    names = list(the_patient(patient).medications.values_list("name", flat=True))
    assert names == ["Sertraline", "Xanax .5mg", "Ibuprofen", "Vitamin D"]


def test_editing_the_list_keeps_unchanged_rows_and_the_history_of_the_others(as_patient, patient):
    as_patient.post(step_url("medications"), medications(SERTRALINE, XANAX))
    sertraline = Medication.objects.get(name="Sertraline")
    xanax = Medication.objects.get(name="Xanax .5mg")

    page = as_patient.get(step_url("medications")).text
    assert input_value(page, "med-0-name") == "Sertraline"
    assert input_value(page, "med-1-name") == "Xanax .5mg"
    page = as_patient.post(
        step_url("medications"),
        {**management_form(page), **rows_typed(SERTRALINE, XANAX), "add_row": "1"},
    ).text
    response = as_patient.post(
        step_url("medications"),
        {
            **management_form(page),
            **rows_typed(
                SERTRALINE,
                {**XANAX, "DELETE": "on"},
                {"name": "Ibuprofen", "dose": "200 mg", "frequency": "when needed"},
            ),
        },
    )

    assert response.status_code == 302
    saved = the_patient(patient)
    rows = list(saved.medications.all())
    assert [m.name for m in rows] == ["Sertraline", "Ibuprofen"]
    assert rows[0].pk == sertraline.pk  # untouched, not deleted and made again
    assert sertraline.history.count() == 1
    assert not Medication.objects.filter(pk=xanax.pk).exists()
    assert Medication.history.filter(id=xanax.pk).first().history_type == "-"  # deleted
    assert Medication.history.filter(name="Ibuprofen", history_type="+").exists()
    reasons = list(saved.history.values_list("history_change_reason", flat=True))
    assert reasons.count("Intake: Medications") == 2


def test_adding_a_row_keeps_the_rows_typed_and_saves_nothing(as_patient, patient):
    response = as_patient.post(
        step_url("medications"), {**medications(SERTRALINE, XANAX), "add_row": "1"}
    )

    assert response.status_code == 200
    page = response.text
    assert input_value(page, "med-TOTAL_FORMS") == "3"
    assert input_value(page, "med-0-name") == "Sertraline"
    assert input_value(page, "med-0-dose") == "50 mg"
    assert input_value(page, "med-1-name") == "Xanax .5mg"
    assert input_value(page, "med-2-name") == ""
    assert answer_error(page) is None
    assert not Medication.objects.exists()
    assert "medications" not in the_patient(patient).intake_steps_done


# The ID photo -------------------------------------------------------------------------------


def png_bytes(size=(40, 25), padding=0):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue() + b"\0" * padding


def stored_files(root):
    return [p for p in root.rglob("*") if p.is_file()]


def test_a_photo_of_the_id_is_kept_in_private_storage(as_patient, patient, media_root):
    photo = SimpleUploadedFile("my licence.png", png_bytes(), content_type="image/png")

    response = as_patient.post(step_url("identity"), {**identity(), "id_document_photo": photo})

    assert response.status_code == 302
    saved = the_patient(patient)
    name = saved.id_document_photo.name
    assert name.startswith(f"id-documents/patient-{saved.pk}/") and name.endswith(".png")
    assert "Zephyrine" not in name and "licence" not in name
    on_disk = media_root / "private" / name
    assert on_disk.read_bytes() == png_bytes()
    assert stored_files(media_root) == [on_disk]
    assert on_disk.stat().st_mode & 0o777 == 0o600


def test_an_id_photo_has_no_url(as_patient, patient, media_root):
    photo = SimpleUploadedFile("id.png", png_bytes(), content_type="image/png")
    as_patient.post(step_url("identity"), {**identity(), "id_document_photo": photo})

    stored = the_patient(patient).id_document_photo
    assert stored.name
    assert stored.storage.base_url is None
    with pytest.raises(ValueError, match="Private files have no URL"):
        stored.url  # noqa: B018


def test_a_text_file_named_like_a_picture_is_refused(as_patient, patient, media_root):
    fake = SimpleUploadedFile("x.png", b"my passport number is 123", content_type="image/png")

    response = as_patient.post(step_url("identity"), {**identity(), "id_document_photo": fake})

    assert response.status_code == 200
    [error] = field_errors(response.text, "id_document_photo")
    assert "Upload a valid image" in error
    assert not the_patient(patient).id_document_photo
    assert stored_files(media_root) == []


def test_a_photo_over_ten_megabytes_is_refused(as_patient, patient, media_root):
    big = SimpleUploadedFile(
        "id.png", png_bytes(padding=10 * 1024 * 1024), content_type="image/png"
    )

    response = as_patient.post(step_url("identity"), {**identity(), "id_document_photo": big})

    assert response.status_code == 200
    assert field_errors(response.text, "id_document_photo") == [
        "That photo is larger than 10 MB; please send a smaller one."
    ]
    assert not the_patient(patient).id_document_photo
    assert stored_files(media_root) == []


def test_a_picture_in_another_format_is_refused(as_patient, patient, media_root):
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20)).save(buffer, format="GIF")
    gif = SimpleUploadedFile("id.gif", buffer.getvalue(), content_type="image/gif")

    response = as_patient.post(step_url("identity"), {**identity(), "id_document_photo": gif})

    assert field_errors(response.text, "id_document_photo") == [
        "Please send the photo as a JPEG, PNG or WebP image."
    ]
    assert stored_files(media_root) == []


# An ended session keeps the typing, for its owner only --------------------------------------


def typed_while_logged_out(client, user, slug="about-you", data=ABOUT_YOU):
    """Open a step, lose the session, then send the step: what happens at a kitchen table
    when the session times out halfway through."""
    log_in(client, user)
    owner = input_value(client.get(step_url(slug)).text, "draft_owner")
    assert owner
    client.logout()
    return client.post(step_url(slug), {**data, "draft_owner": owner})


KEPT = "Your session had ended, so we kept what you typed. Check it and save."


def test_a_step_sent_after_the_session_ended_asks_to_log_in_and_keeps_the_typing(client, patient):
    response = typed_while_logged_out(client, patient)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={step_url('about-you')}"
    assert not Patient.objects.filter(legal_last_name="Ashcombe").exists()

    log_in(client, patient)
    page = client.get(step_url("about-you")).text

    assert KEPT in page
    assert input_value(page, "legal_first_name") == "Zephyrine"
    assert input_value(page, "street_address") == "12 Elm Street"
    assert input_value(page, "date_of_birth") == "1980-05-17"
    # Kept for checking, not saved behind the patient's back.
    assert the_patient(patient).intake_steps_done == []
    # Shown once: the next visit shows what is saved.
    assert KEPT not in client.get(step_url("about-you")).text


def test_the_kept_medication_list_comes_back_too(client, patient):
    typed_while_logged_out(client, patient, slug="medications", data=medications(SERTRALINE, XANAX))

    log_in(client, patient)
    page = client.get(step_url("medications")).text

    assert KEPT in page
    assert input_value(page, "med-1-name") == "Xanax .5mg"
    assert not Medication.objects.exists()


def test_someone_else_logging_in_on_the_same_computer_never_sees_the_typing(
    client, patient, other_patient
):
    typed_while_logged_out(client, patient)

    log_in(client, other_patient)
    page = client.get(step_url("about-you")).text

    assert KEPT not in page
    assert "Zephyrine" not in page
    assert "12 Elm Street" not in page
    # Nor later, once the first patient logs back in on another computer.
    log_in(client, patient)
    assert "12 Elm Street" not in client.get(step_url("about-you")).text


def test_a_step_sent_logged_out_without_a_genuine_owner_keeps_nothing(client, patient):
    client.post(step_url("about-you"), {**ABOUT_YOU, "draft_owner": "MQ:forged:signature"})

    log_in(client, patient)
    page = client.get(step_url("about-you")).text

    assert KEPT not in page
    assert "12 Elm Street" not in page


# History ------------------------------------------------------------------------------------


def test_every_intake_change_is_in_the_history_with_who_and_why(as_patient, patient, location):
    as_patient.post(step_url("about-you"), ABOUT_YOU)
    as_patient.post(step_url("about-you"), {**ABOUT_YOU, "phone": "(860) 555-0177"})
    as_patient.post(step_url("care"), care(location))

    history = list(the_patient(patient).history.all())  # newest first

    assert [h.history_change_reason for h in history[:3]] == [
        "Intake: Your care",
        "Intake: About you",
        "Intake: About you",
    ]
    assert [h.phone for h in history[:3]] == ["+18605550177", "+18605550177", "+18605550142"]
    assert all(h.history_user == patient for h in history[:3])
    assert set(history[0].diff_against(history[1]).changed_fields) == {
        "preferred_location",
        "conditions",
        "intake_steps_done",
    }
