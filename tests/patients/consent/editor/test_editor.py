"""The consent editor: clinic admins write a new version of the informed consent.

One draft at a time, copied from the current version; a published version never changes;
publishing makes either a new major version (every patient signs again) or a minor correction
(signatures stay valid), and refuses a draft without sections, a section without heading or
text, two sections with one key, or no word on what changed. A section keeps its key when it
is only reworded: the key is what patients acknowledge.
"""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from patients.consent import default as consent_default
from patients.consent.editor import services
from patients.consent.editor.forms import KIND_NEEDED
from patients.consent.selectors import consent_needed
from patients.models import ConsentDocument
from tests.access import assert_sent_to_login
from tests.factories import consent_signed_by
from tests.screening.factories import PatientFactory

pytestmark = pytest.mark.django_db

ALLOWED = ("clinic_admin",)
FORBIDDEN = ("clinician", "front_desk", "patient")
SHIPPED_KEYS = [section["key"] for section in consent_default.SECTIONS]


@pytest.fixture
def draft(clinic_admin):
    return services.consent_draft_start(user=clinic_admin)


def shipped() -> ConsentDocument:
    return ConsentDocument.objects.get(major=1, minor=0)


def reloaded(document) -> ConsentDocument:
    return ConsentDocument.objects.get(pk=document.pk)


def save(document, **changes):
    fields = {
        "title": document.title,
        "introduction": document.introduction,
        "sections": document.sections,
        **changes,
    }
    return services.consent_draft_save(document=document, **fields)


def publish(document, user, *, major, note="Plainer wording of the risks."):
    return services.consent_publish(document=document, user=user, change_note=note, major=major)


def publish_errors(document, user, *, major=True, note="A note."):
    with pytest.raises(ValidationError) as caught:
        publish(document, user, major=major, note=note)
    return caught.value.message_dict


def with_section(sections, key, **changes):
    return [{**s, **changes} if s["key"] == key else dict(s) for s in sections]


def set_sections(document, sections):
    # The editor never stores these; the admin site or a shell could.
    ConsentDocument.objects.filter(pk=document.pk).update(sections=sections)
    document.refresh_from_db()


def page_data(document, *, sections=None, new=None, **fields):
    """What the draft page posts: the wording, each section (with its `position` and `delete`
    when given) and the empty row for a new section (filled from `new`)."""
    sections = document.sections if sections is None else sections
    data = {
        "title": document.title,
        "introduction": document.introduction,
        **fields,
        "sections-TOTAL_FORMS": len(sections) + 1,
        "sections-INITIAL_FORMS": len(sections),
    }
    for index, section in enumerate(sections):
        prefix = f"sections-{index}-"
        data[prefix + "key"] = section.get("key", "")
        data[prefix + "heading"] = section["heading"]
        data[prefix + "body"] = section["body"]
        data[prefix + "position"] = section.get("position", index + 1)
        if section.get("delete"):
            data[prefix + "DELETE"] = "on"
    prefix = f"sections-{len(sections)}-"
    new = new or {}
    data[prefix + "key"] = ""
    data[prefix + "heading"] = new.get("heading", "")
    data[prefix + "body"] = new.get("body", "")
    data[prefix + "position"] = new.get("position", "")
    return data


def field_block(html, field_id):
    """The markup crispy draws for one field: its label, input, help and error."""
    match = re.search(
        rf'<div id="div_{field_id}".*?(?=<div id="div_|</form>|</fieldset>)', html, re.S
    )
    assert match, f"no field {field_id} on the page"
    return match.group(0)


# Rules --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Photos and recordings", "photos_and_recordings"),
        ("  Risks & side-effects! ", "risks_side_effects"),
        ("Über uns", "uber_uns"),
        ("???", ""),
    ],
)
def test_a_new_section_key_is_a_slug_of_its_heading(heading, key):
    assert services.section_key(heading) == key


@pytest.mark.parametrize(
    ("current", "major", "expected"),
    [
        ((1, 0), True, (2, 0)),
        ((1, 0), False, (1, 1)),
        ((2, 3), True, (3, 0)),
        ((2, 3), False, (2, 4)),
        (None, True, (1, 0)),
        (None, False, None),
    ],
)
def test_the_next_number_follows_the_current_version(current, major, expected):
    assert services.next_version(current, major=major) == expected


def test_the_changes_name_the_sections_added_removed_and_reworded():
    before = [
        {"key": "a", "heading": "A", "body": "Same."},
        {"key": "b", "heading": "B", "body": "Old."},
        {"key": "c", "heading": "C", "body": "Gone."},
    ]
    after = [
        {"key": "a", "heading": "A", "body": "Same."},
        {"key": "b", "heading": "B", "body": "New."},
        {"key": "d", "heading": "D", "body": "Added."},
    ]

    assert services.section_changes(before, after) == {
        "added": ["D"],
        "removed": ["C"],
        "reworded": ["B"],
    }


# Drafts -------------------------------------------------------------------------------------


def test_a_new_draft_copies_everything_from_the_current_version(clinic_admin):
    current = shipped()

    draft = services.consent_draft_start(user=clinic_admin)

    assert draft.title == current.title
    assert draft.introduction == current.introduction
    assert draft.sections == current.sections
    assert [s["key"] for s in draft.sections] == SHIPPED_KEYS
    assert not draft.is_published
    assert draft.created_by == clinic_admin
    assert draft.pk != current.pk


def test_a_draft_takes_a_placeholder_number_no_published_version_has(clinic_admin, draft):
    assert (draft.major, draft.minor) == (services.DRAFT_MAJOR, 1)
    assert not ConsentDocument.objects.published().filter(major=services.DRAFT_MAJOR).exists()


def test_starting_a_draft_while_one_exists_returns_that_draft(clinic_admin, draft):
    again = services.consent_draft_start(user=clinic_admin)

    assert again == draft
    assert ConsentDocument.objects.filter(published_at__isnull=True).count() == 1


def test_the_draft_is_not_what_patients_sign_until_it_is_published(draft):
    assert ConsentDocument.objects.current() == shipped()


def test_a_published_version_never_changes(clinic_admin):
    version = shipped()
    before = (version.title, version.introduction, version.sections, version.published_at)

    with pytest.raises(ValidationError, match="Version 1.0 is published and never changes"):
        save(version, title="Changed after publishing")
    with pytest.raises(ValidationError, match="Version 1.0 is published and never changes"):
        publish(version, clinic_admin, major=True)

    version = shipped()
    assert (version.title, version.introduction, version.sections, version.published_at) == before
    assert (version.major, version.minor) == (1, 0)


def test_with_no_published_version_a_draft_starts_from_the_shipped_text(clinic_admin):
    ConsentDocument.objects.all().delete()

    draft = services.consent_draft_start(user=clinic_admin)

    assert draft.title == consent_default.TITLE
    assert [s["key"] for s in draft.sections] == SHIPPED_KEYS


def test_with_no_published_version_the_first_is_1_0_and_cannot_be_minor(clinic_admin):
    ConsentDocument.objects.all().delete()
    draft = services.consent_draft_start(user=clinic_admin)

    assert publish_errors(draft, clinic_admin, major=False) == {"major": [services.FIRST_IS_MAJOR]}
    assert publish(draft, clinic_admin, major=True).version_label == "1.0"


# Editing the draft --------------------------------------------------------------------------


def test_the_draft_saves_new_wording(draft):
    sections = with_section(draft.sections, "payment", body="You pay for each infusion.")

    save(
        draft,
        title="  Consent to  treatment ",
        introduction="Read it.\r\nAsk us.",
        sections=sections,
    )

    draft = reloaded(draft)
    assert draft.title == "Consent to treatment"
    assert draft.introduction == "Read it.\nAsk us."
    assert next(s for s in draft.sections if s["key"] == "payment")["body"] == (
        "You pay for each infusion."
    )


def test_a_reworded_section_keeps_its_key(draft):
    sections = with_section(
        draft.sections, "risks", heading="Side effects and rare dangers", body="Reworded."
    )

    save(draft, sections=sections)

    keys = [s["key"] for s in reloaded(draft).sections]
    assert keys == SHIPPED_KEYS
    assert reloaded(draft).sections[2] == {
        "key": "risks",
        "heading": "Side effects and rare dangers",
        "body": "Reworded.",
    }


def test_a_new_section_takes_its_key_from_its_heading(draft):
    sections = [*draft.sections, {"key": "", "heading": "Photos & recordings", "body": "None."}]

    save(draft, sections=sections)

    assert reloaded(draft).sections[-1]["key"] == "photos_recordings"


def test_a_new_section_key_follows_its_heading_until_it_is_published(clinic_admin, draft):
    save(draft, sections=[*draft.sections, {"key": "", "heading": "Photos", "body": "None."}])
    draft = reloaded(draft)
    renamed = with_section(draft.sections, "photos", heading="Recordings")

    save(draft, sections=renamed)
    published = publish(reloaded(draft), clinic_admin, major=True)
    next_draft = services.consent_draft_start(user=clinic_admin)
    save(next_draft, sections=with_section(next_draft.sections, "recordings", heading="Videos"))

    assert published.sections[-1]["key"] == "recordings"
    assert reloaded(next_draft).sections[-1]["key"] == "recordings"


def test_a_key_patients_never_acknowledged_cannot_be_smuggled_in(draft):
    sections = [*draft.sections, {"key": "made_up", "heading": "Extra", "body": "Text."}]

    save(draft, sections=sections)

    assert reloaded(draft).sections[-1]["key"] == "extra"


def test_saving_refuses_a_new_section_whose_key_another_already_has(draft):
    sections = [*draft.sections, {"key": "", "heading": "Payment", "body": "Again."}]

    with pytest.raises(ValidationError) as caught:
        save(draft, sections=sections)

    assert caught.value.message_dict["__all__"] == [
        "Section 10: " + services.DUPLICATE_KEY.format(other=6, key="payment")
    ]
    assert reloaded(draft).sections == shipped().sections


def test_saving_refuses_an_empty_title_or_a_section_without_heading_or_text(draft):
    sections = with_section(draft.sections, "treatment", heading=" ", body="")

    with pytest.raises(ValidationError) as caught:
        save(draft, title="  ", sections=sections)

    assert caught.value.message_dict == {
        "title": [services.TITLE_NEEDED],
        "__all__": [
            f"Section 1: {services.HEADING_NEEDED}",
            f"Section 1: {services.BODY_NEEDED}",
        ],
    }
    assert reloaded(draft).title == shipped().title


# Publishing ---------------------------------------------------------------------------------


def test_a_new_major_version_follows_the_current_major(clinic_admin, draft):
    published = publish(draft, clinic_admin, major=True, note="  Adds the risks of driving.  ")

    assert published.version_label == "2.0"
    assert ConsentDocument.objects.current() == published
    assert published.published_by == clinic_admin
    assert published.published_at is not None
    assert published.change_note == "Adds the risks of driving."


def test_a_minor_correction_follows_the_current_minor(clinic_admin, draft):
    assert publish(draft, clinic_admin, major=False).version_label == "1.1"
    assert (
        publish(
            services.consent_draft_start(user=clinic_admin), clinic_admin, major=False
        ).version_label
        == "1.2"
    )
    assert (
        publish(
            services.consent_draft_start(user=clinic_admin), clinic_admin, major=True
        ).version_label
        == "2.0"
    )
    assert (
        publish(
            services.consent_draft_start(user=clinic_admin), clinic_admin, major=False
        ).version_label
        == "2.1"
    )


def test_a_minor_correction_cannot_add_or_remove_a_part(clinic_admin, draft):
    set_sections(draft, draft.sections[:-1])

    errors = publish_errors(draft, clinic_admin, major=False)

    assert errors["major"] == [services.MINOR_KEEPS_SECTIONS]
    assert not reloaded(draft).is_published
    assert publish(draft, clinic_admin, major=True).version_label == "2.0"


def test_after_publishing_the_next_draft_starts_from_the_new_version(clinic_admin, draft):
    save(draft, sections=with_section(draft.sections, "payment", body="Pay as you go."))
    publish(reloaded(draft), clinic_admin, major=False)

    next_draft = services.consent_draft_start(user=clinic_admin)

    assert next_draft != draft
    assert (next_draft.major, next_draft.minor) == (services.DRAFT_MAJOR, 1)
    assert next(s for s in next_draft.sections if s["key"] == "payment")["body"] == "Pay as you go."


@pytest.mark.parametrize("note", ["", "   "])
def test_publishing_refuses_an_empty_change_note(clinic_admin, draft, note):
    assert publish_errors(draft, clinic_admin, note=note) == {
        "change_note": [services.CHANGE_NOTE_NEEDED]
    }
    assert not reloaded(draft).is_published


def test_publishing_refuses_a_draft_without_sections(clinic_admin, draft):
    set_sections(draft, [])

    assert publish_errors(draft, clinic_admin) == {"__all__": [services.NO_SECTIONS]}
    assert not reloaded(draft).is_published


def test_saving_refuses_to_remove_every_section(draft):
    with pytest.raises(ValidationError) as caught:
        save(draft, sections=[])

    assert caught.value.message_dict == {"__all__": [services.NO_SECTIONS]}
    assert reloaded(draft).sections == shipped().sections


@pytest.mark.parametrize(
    ("field", "message"),
    [("heading", services.HEADING_NEEDED), ("body", services.BODY_NEEDED)],
)
def test_publishing_refuses_a_section_without_heading_or_text(clinic_admin, draft, field, message):
    set_sections(draft, with_section(draft.sections, "risks", **{field: "  "}))

    assert publish_errors(draft, clinic_admin) == {"__all__": [f"Section 3: {message}"]}
    assert not reloaded(draft).is_published


def test_publishing_refuses_two_sections_with_one_key(clinic_admin, draft):
    set_sections(draft, [*draft.sections, {"key": "risks", "heading": "More", "body": "Text."}])

    assert publish_errors(draft, clinic_admin) == {
        "__all__": ["Section 10: " + services.DUPLICATE_KEY.format(other=3, key="risks")]
    }
    assert not reloaded(draft).is_published


# What a version means for patients ----------------------------------------------------------


def test_after_a_new_major_version_a_patient_who_signed_1_0_must_sign_again(clinic_admin, draft):
    patient = PatientFactory()
    consent_signed_by(patient)
    assert consent_needed(patient) is None

    published = publish(draft, clinic_admin, major=True)

    assert consent_needed(patient) == published


def test_after_a_minor_correction_a_signature_of_1_0_stays_valid(clinic_admin, draft):
    patient = PatientFactory()
    consent_signed_by(patient)

    publish(draft, clinic_admin, major=False)

    assert consent_needed(patient) is None


# Pages by role ------------------------------------------------------------------------------


def _pages(draft):
    """(url, method, data) of every editor page, on the draft and the shipped version."""
    return [
        (reverse("patients:consent_versions"), "get", None),
        (reverse("patients:consent_version", args=[shipped().pk]), "get", None),
        (reverse("patients:consent_version", args=[draft.pk]), "get", None),
        (
            reverse("patients:consent_version", args=[draft.pk]),
            "post",
            page_data(draft, title="Changed by a test"),
        ),
        (reverse("patients:consent_draft_start"), "post", {}),
        (reverse("patients:consent_preview", args=[draft.pk]), "get", None),
        (
            reverse("patients:consent_publish", args=[draft.pk]),
            "post",
            {"change_note": "Reworded.", "major": "major"},
        ),
    ]


PAGE_IDS = ["versions", "published", "draft", "draft-save", "draft-start", "preview", "publish"]


@pytest.mark.parametrize("page", range(len(PAGE_IDS)), ids=PAGE_IDS)
@pytest.mark.parametrize("persona", ALLOWED)
def test_clinic_admins_may_use_every_editor_page(client_as, draft, persona, page):
    url, method, data = _pages(draft)[page]

    response = getattr(client_as(persona), method)(url, data)

    assert response.status_code == (200 if method == "get" else 302)


@pytest.mark.parametrize("page", range(len(PAGE_IDS)), ids=PAGE_IDS)
@pytest.mark.parametrize("persona", FORBIDDEN)
def test_other_staff_and_patients_get_403_on_every_editor_page(client_as, draft, persona, page):
    url, method, data = _pages(draft)[page]

    response = getattr(client_as(persona), method)(url, data)

    assert response.status_code == 403
    assert ConsentDocument.objects.count() == 2
    assert reloaded(draft).title == shipped().title
    assert not reloaded(draft).is_published


@pytest.mark.parametrize("page", range(len(PAGE_IDS)), ids=PAGE_IDS)
def test_anonymous_visitors_are_sent_to_log_in_from_every_editor_page(client, draft, page):
    url, method, data = _pages(draft)[page]

    response = getattr(client, method)(url, data)

    assert_sent_to_login(response, url)
    assert not reloaded(draft).is_published


def test_the_staff_home_links_the_editor_for_clinic_admins_only(client_as):
    url = reverse("patients:consent_versions")

    assert url in client_as("clinic_admin").get(reverse("accounts:staff_home")).text
    assert url not in client_as("clinician").get(reverse("accounts:staff_home")).text


# Pages --------------------------------------------------------------------------------------


def test_the_versions_list_shows_each_version_and_offers_a_new_one(client_as):
    page = client_as("clinic_admin").get(reverse("patients:consent_versions")).text

    assert "Version 1.0" in page
    assert "Shipped with the portal" in page
    assert reverse("patients:consent_draft_start") in page


def test_starting_a_version_from_the_list_opens_the_draft(client_as):
    client = client_as("clinic_admin")

    response = client.post(reverse("patients:consent_draft_start"))

    draft = ConsentDocument.objects.get(published_at__isnull=True)
    assert response["Location"] == reverse("patients:consent_version", args=[draft.pk])
    listing = client.get(reverse("patients:consent_versions")).text
    assert "Continue the draft" in listing
    assert reverse("patients:consent_draft_start") not in listing


def test_a_published_version_is_shown_read_only_as_patients_read_it(client_as):
    page = (
        client_as("clinic_admin").get(reverse("patients:consent_version", args=[shipped().pk])).text
    )

    assert "Consent version 1.0" in page
    assert '<section class="consent-section" id="consent-off_label">' in page
    assert "<h3>2. Off-label use</h3>" in page
    assert "<textarea" not in page
    assert "never changes" in page


def test_posting_to_a_published_version_changes_nothing(client_as):
    version = shipped()
    client = client_as("clinic_admin")

    responses = [
        client.post(
            reverse("patients:consent_version", args=[version.pk]),
            page_data(version, title="Changed?"),
        ),
        client.post(
            reverse("patients:consent_publish", args=[version.pk]),
            {"change_note": "Again.", "major": "major"},
        ),
    ]

    assert all(r.status_code == 302 for r in responses)
    assert shipped().title == consent_default.TITLE
    assert (shipped().major, shipped().minor) == (1, 0)
    page = client.get(responses[0]["Location"]).text
    assert "Version 1.0 is published and never changes" in page


def test_the_draft_page_offers_every_section_and_an_empty_row_for_a_new_one(client_as, draft):
    page = client_as("clinic_admin").get(reverse("patients:consent_version", args=[draft.pk])).text

    assert 'name="sections-TOTAL_FORMS" value="10"' in page
    assert 'name="sections-0-key" value="treatment"' in page
    assert 'for="id_sections-8-heading"' in page
    assert 'name="sections-9-heading" maxlength="200"' in page  # empty: nothing typed
    assert "A new major version: every patient signs again before their next infusion" in page
    assert "A minor correction: signatures stay valid" in page
    assert "becomes version 2.0; as a minor correction, version 1.1" in page


def test_the_draft_saves_the_edits_and_says_so(client_as, draft):
    url = reverse("patients:consent_version", args=[draft.pk])
    sections = with_section(draft.sections, "risks", heading="Side effects", body="Few.")

    response = client_as("clinic_admin").post(
        url, page_data(draft, sections=sections, title="New title"), follow=True
    )

    assert response.redirect_chain == [(url, 302)]
    assert "Saved the draft." in response.text
    draft = reloaded(draft)
    assert draft.title == "New title"
    assert draft.sections[2] == {"key": "risks", "heading": "Side effects", "body": "Few."}


def test_the_page_adds_moves_and_removes_sections(client_as, draft):
    sections = [dict(s) for s in draft.sections]
    sections[1]["delete"] = True  # off_label
    sections[8]["position"] = 1  # the agreement goes first

    client_as("clinic_admin").post(
        reverse("patients:consent_version", args=[draft.pk]),
        page_data(
            draft,
            sections=sections,
            new={"heading": "Photos and recordings", "body": "We take none.", "position": 3},
        ),
    )

    keys = [s["key"] for s in reloaded(draft).sections]
    assert keys == [
        "acknowledgement",
        "treatment",
        "photos_and_recordings",
        "risks",
        "alternatives",
        "escort_and_driving",
        "payment",
        "right_to_stop",
        "emergencies",
    ]


def test_a_section_without_heading_is_refused_by_the_field_keeping_the_typing(client_as, draft):
    sections = with_section(draft.sections, "treatment", heading="")
    sections = with_section(sections, "payment", body="Typed but not saved.")

    response = client_as("clinic_admin").post(
        reverse("patients:consent_version", args=[draft.pk]),
        page_data(draft, sections=sections, title="A typed title"),
    )

    assert response.status_code == 200
    assert services.HEADING_NEEDED in field_block(response.text, "id_sections-0-heading")
    assert "Typed but not saved." in response.text
    assert 'value="A typed title"' in response.text
    assert reloaded(draft).sections == shipped().sections


def test_a_new_section_with_a_taken_key_is_refused_by_its_heading(client_as, draft):
    response = client_as("clinic_admin").post(
        reverse("patients:consent_version", args=[draft.pk]),
        page_data(draft, new={"heading": "Risks", "body": "More risks."}),
    )

    assert response.status_code == 200
    block = field_block(response.text, "id_sections-9-heading")
    assert services.DUPLICATE_KEY.format(other=3, key="risks") in block
    assert 'value="Risks"' in block
    assert "More risks." in response.text
    assert len(reloaded(draft).sections) == len(SHIPPED_KEYS)


def test_an_empty_title_is_refused_by_the_field(client_as, draft):
    response = client_as("clinic_admin").post(
        reverse("patients:consent_version", args=[draft.pk]), page_data(draft, title="")
    )

    assert response.status_code == 200
    assert services.TITLE_NEEDED in field_block(response.text, "id_title")


def test_the_preview_shows_the_saved_draft_as_patients_will_read_it(client_as, draft):
    save(draft, sections=with_section(draft.sections, "payment", body="You pay **weekly**."))
    client = client_as("clinic_admin")
    url = reverse("patients:consent_preview", args=[draft.pk])

    as_major = client.get(url).text
    as_minor = client.get(url, {"as": "minor"}).text

    assert "<strong>weekly</strong>" in as_major
    assert '<p class="consent-version">Version 2.0</p>' in as_major
    assert '<p class="consent-version">Version 1.1</p>' in as_minor
    assert "Preview of the draft" in as_major
    assert (reloaded(draft).major, reloaded(draft).minor) == (services.DRAFT_MAJOR, 1)


def test_publishing_without_a_note_or_a_choice_keeps_the_draft_and_the_typing(client_as, draft):
    url = reverse("patients:consent_publish", args=[draft.pk])
    client = client_as("clinic_admin")

    no_choice = client.post(url, {"change_note": "Typed note."})
    no_note = client.post(url, {"change_note": "", "major": "minor"})

    assert no_choice.status_code == 200
    assert KIND_NEEDED in no_choice.text
    assert "Typed note." in field_block(no_choice.text, "id_publish_change_note")
    assert no_note.status_code == 200
    assert services.CHANGE_NOTE_NEEDED in field_block(no_note.text, "id_publish_change_note")
    assert re.search(r'value="minor"[^>]*\bchecked', no_note.text)
    assert not reloaded(draft).is_published


def test_publishing_from_the_page_names_what_is_wrong(client_as, draft):
    set_sections(draft, [])

    response = client_as("clinic_admin").post(
        reverse("patients:consent_publish", args=[draft.pk]),
        {"change_note": "Removed everything.", "major": "major"},
    )

    assert response.status_code == 200
    assert services.NO_SECTIONS in response.text
    assert "Removed everything." in response.text
    assert not reloaded(draft).is_published


@pytest.mark.parametrize(
    ("kind", "label", "said"),
    [
        ("major", "2.0", "every patient signs it before their next infusion"),
        ("minor", "1.1", "earlier signatures of version 1 stay valid"),
    ],
)
def test_publishing_from_the_page_makes_the_draft_current(
    client_as, clinic_admin, draft, kind, label, said
):
    response = client_as("clinic_admin").post(
        reverse("patients:consent_publish", args=[draft.pk]),
        {"change_note": "Reworded.", "major": kind},
        follow=True,
    )

    assert response.redirect_chain == [(reverse("patients:consent_versions"), 302)]
    assert f"Version {label} is published: {said}." in response.text
    current = ConsentDocument.objects.current()
    assert current == draft
    assert current.version_label == label
    assert current.published_by == clinic_admin
