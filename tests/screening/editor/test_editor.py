"""The staff editors of the questionnaire and the drug catalogue.

Clinicians keep one draft at a time, copied from the current version; a published version
never changes; publishing refuses a draft that drops a question the rules read, makes a shipped
safety question milder, raises a flag without a reason, or says nothing of what changed.
"""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from screening.editor import services
from screening.editor.forms import MAOI_STAYS, DrugForm, QuestionFormSet
from screening.models import Drug, QuestionnaireVersion
from screening.questions import DEFAULT_QUESTIONS, REQUIRED_CODES
from tests.access import assert_sent_to_login

pytestmark = pytest.mark.django_db

ALLOWED = ("clinician", "clinic_admin")
FORBIDDEN = ("front_desk", "patient")


@pytest.fixture
def draft(clinician):
    return services.questionnaire_draft_start(user=clinician)


def question(version, code):
    return version.questions.get(code=code)


def publish(version, user, note="Reworded the pregnancy question."):
    return services.questionnaire_publish(version=version, user=user, change_note=note)


def publish_errors(version, user, note="A note."):
    with pytest.raises(ValidationError) as caught:
        publish(version, user, note)
    return caught.value.message_dict


def formset_data(version, **changes):
    """What the draft page posts, with `changes` as {code: {field: value}}."""
    formset = QuestionFormSet(queryset=version.questions.order_by("position", "pk"))
    data = {
        f"{formset.prefix}-TOTAL_FORMS": len(formset.forms),
        f"{formset.prefix}-INITIAL_FORMS": len(formset.forms),
    }
    for form in formset:
        for name in form.fields:
            value = form[name].value()
            data[form.add_prefix(name)] = "" if value is None else value
        for name, value in changes.get(form.instance.code, {}).items():
            data[form.add_prefix(name)] = value
    return data


def drug_data(drug=None, **changes):
    data = {
        "generic_name": "examplazine",
        "brand_names": "",
        "drug_class": "benzodiazepine",
        "severity": "reduced_effectiveness",
        "notes": "",
        "is_active": "on",
    }
    if drug is not None:
        data.update(
            generic_name=drug.generic_name,
            brand_names="\n".join(drug.brand_names),
            drug_class=drug.drug_class,
            severity=drug.severity,
            notes=drug.notes,
        )
    return {**data, **changes}


def field_block(html, field_id):
    """The markup crispy draws for one field: its label, input, help and error."""
    match = re.search(rf'<div id="div_{field_id}".*?(?=<div id="div_|</form>)', html, re.S)
    assert match, f"no field {field_id} on the page"
    return match.group(0)


# Drafts -------------------------------------------------------------------------------------


def test_a_new_draft_copies_every_question_of_the_current_version(clinician):
    current = QuestionnaireVersion.objects.current()

    draft = services.questionnaire_draft_start(user=clinician)

    fields = ("code", "section", "kind", "text", "help_text", "flag_severity", "flag_reason")
    copied = list(draft.questions.order_by("position").values_list(*fields))
    shipped = list(current.questions.order_by("position").values_list(*fields))
    assert copied == shipped
    assert len(copied) == len(DEFAULT_QUESTIONS)
    assert draft.number == current.number + 1
    assert not draft.is_published
    assert draft.created_by == clinician


def test_starting_a_draft_while_one_exists_returns_that_draft(clinician, clinic_admin, draft):
    again = services.questionnaire_draft_start(user=clinic_admin)

    assert again == draft
    assert QuestionnaireVersion.objects.filter(published_at__isnull=True).count() == 1


def test_the_draft_is_not_what_patients_answer_until_it_is_published(clinician, draft):
    assert QuestionnaireVersion.objects.current().number == draft.number - 1


def test_a_published_version_never_changes(clinician):
    version = QuestionnaireVersion.objects.current()
    pregnant = question(version, "pregnant")
    pregnant.text = "Reworded after publishing"

    with pytest.raises(ValidationError, match="published and never changes"):
        services.question_save(question=pregnant)
    with pytest.raises(ValidationError, match="published and never changes"):
        services.questionnaire_question_add(version=version, code="seizures", text="Seizures?")
    with pytest.raises(ValidationError, match="published and never changes"):
        services.questionnaire_question_remove(question=question(version, "pain_score"))
    with pytest.raises(ValidationError, match="published and never changes"):
        publish(version, clinician)

    assert question(version, "pregnant").text == "Are you pregnant, or could you be pregnant?"
    assert version.questions.count() == len(DEFAULT_QUESTIONS)


# Editing the draft --------------------------------------------------------------------------


def test_a_draft_question_can_be_reworded_and_made_graver(draft):
    substance = question(draft, "substance_use")
    substance.text = "Do you use drugs or alcohol heavily, now or in the past?"
    substance.flag_severity = "absolute"

    services.questionnaire_questions_save(version=draft, questions=[substance])

    substance.refresh_from_db()
    assert substance.text == "Do you use drugs or alcohol heavily, now or in the past?"
    assert substance.flag_severity == "absolute"


def test_saving_refuses_to_make_a_shipped_safety_question_milder(draft):
    pregnant = question(draft, "pregnant")
    pregnant.flag_severity = "relative"

    with pytest.raises(ValidationError) as caught:
        services.question_save(question=pregnant)

    assert (
        "“pregnant” is a shipped safety question" in caught.value.message_dict["flag_severity"][0]
    )
    assert question(draft, "pregnant").flag_severity == "absolute"


def test_a_clinician_may_add_a_yes_no_question_and_remove_it_again(draft):
    added = services.questionnaire_question_add(
        version=draft,
        code="Seizure_History",
        text="Have you ever had a seizure?",
        flag_severity="relative",
        flag_reason="A history of seizures.",
    )

    safety = list(draft.questions.filter(section="safety").order_by("position"))
    assert added.code == "seizure_history"
    assert added.kind == "yes_no"
    assert safety[-1] == added  # after the last safety question, before the PHQ-9
    assert added.position < question(draft, "phq9_1").position

    services.questionnaire_question_remove(question=added)

    assert not draft.questions.filter(code="seizure_history").exists()


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("pregnant", "belongs to a shipped question"),
        ("pregnancy", "belongs to a shipped question"),  # the flag the pregnancy question raises
        ("phq9_10", "belongs to a shipped question"),
        ("has space", "lowercase letters, digits and underscores"),
        ("", "lowercase letters, digits and underscores"),
    ],
)
def test_a_new_question_cannot_take_a_reserved_or_malformed_code(draft, code, message):
    with pytest.raises(ValidationError) as caught:
        services.questionnaire_question_add(version=draft, code=code, text="A question?")

    assert message in caught.value.message_dict["code"][0]


def test_a_code_is_not_added_twice_to_one_version(draft):
    services.questionnaire_question_add(version=draft, code="seizures", text="Seizures?")

    with pytest.raises(ValidationError, match="already has a question “seizures”"):
        services.questionnaire_question_add(version=draft, code="seizures", text="Fits?")


def test_a_code_from_an_earlier_version_keeps_its_meaning(clinician, draft):
    services.questionnaire_question_add(version=draft, code="seizures", text="Seizures?")
    publish(draft, clinician)
    next_draft = services.questionnaire_draft_start(user=clinician)
    services.questionnaire_question_remove(question=question(next_draft, "seizures"))

    with pytest.raises(ValidationError) as caught:
        services.questionnaire_question_add(
            version=next_draft, code="seizures", text="Do you drive?"
        )
    services.questionnaire_question_add(version=next_draft, code="seizures", text="Seizures?")

    assert "meant “Seizures?” in version" in caught.value.message_dict["code"][0]


def test_a_shipped_question_cannot_be_removed(draft):
    with pytest.raises(ValidationError, match="“pain_score” is a shipped question"):
        services.questionnaire_question_remove(question=question(draft, "pain_score"))

    assert draft.questions.filter(code="pain_score").exists()


# Publishing ---------------------------------------------------------------------------------


def test_publishing_refuses_a_draft_missing_a_required_question(clinician, draft):
    # The editor never removes one; the admin or a shell could.
    draft.questions.filter(code__in=["pregnant", "phq9_9"]).delete()

    errors = publish_errors(draft, clinician)

    assert errors["__all__"] == [
        "These questions the screening rules read are missing: pregnant, phq9_9. Add them "
        "back before publishing."
    ]
    assert not QuestionnaireVersion.objects.get(pk=draft.pk).is_published


@pytest.mark.parametrize("milder", ["relative", "reduced_effectiveness", ""])
def test_publishing_refuses_a_shipped_safety_question_made_milder(clinician, draft, milder):
    draft.questions.filter(code="ketamine_allergy").update(flag_severity=milder)

    errors = publish_errors(draft, clinician)

    assert errors["__all__"] == [
        "“ketamine_allergy” is a shipped safety question: a “yes” must raise at least "
        "“Absolute (no infusion until a clinician overrides)”. It can be made graver, never "
        "milder."
    ]


def test_publishing_refuses_a_flag_without_a_reason(clinician, draft):
    services.questionnaire_question_add(version=draft, code="seizures", text="Seizures?")
    draft.questions.filter(code="seizures").update(flag_severity="relative", flag_reason="")

    errors = publish_errors(draft, clinician)

    assert errors["__all__"] == [
        "“seizures” raises a flag, so write the reason the clinician reads on it."
    ]


@pytest.mark.parametrize("note", ["", "   "])
def test_publishing_refuses_an_empty_change_note(clinician, draft, note):
    errors = publish_errors(draft, clinician, note)

    assert errors == {"change_note": [services.CHANGE_NOTE_NEEDED]}


def test_new_screenings_use_the_version_just_published(clinic_admin, draft):
    pregnant = question(draft, "pregnant")
    pregnant.text = "Is there any chance you are pregnant?"
    services.question_save(question=pregnant)

    published = publish(draft, clinic_admin, note="  Plainer pregnancy question.  ")

    current = QuestionnaireVersion.objects.current()
    assert current == draft
    assert question(current, "pregnant").text == "Is there any chance you are pregnant?"
    assert published.published_by == clinic_admin
    assert published.published_at is not None
    assert published.change_note == "Plainer pregnancy question."


def test_after_publishing_the_next_draft_starts_from_the_new_version(clinician, draft):
    services.questionnaire_question_add(version=draft, code="seizures", text="Seizures?")
    publish(draft, clinician)

    next_draft = services.questionnaire_draft_start(user=clinician)

    assert next_draft.number == draft.number + 1
    assert next_draft.questions.filter(code="seizures").exists()


def test_the_rules_need_no_more_than_the_shipped_codes():
    # Guards the rule tables above: every floor is a shipped yes/no question.
    from screening.engine import SEVERITY_FLOOR

    assert set(SEVERITY_FLOOR) <= REQUIRED_CODES


# Drug catalogue -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Xanax, Niravam", ["Xanax", "Niravam"]),
        ("Xanax\n Niravam \n\nxanax", ["Xanax", "Niravam"]),
        ("", []),
    ],
)
def test_brand_names_are_typed_one_a_line_or_separated_by_commas(typed, stored):
    form = DrugForm(drug_data(brand_names=typed))

    assert form.is_valid(), form.errors
    assert form.cleaned_data["brand_names"] == stored


def test_a_saved_drug_names_its_editor_in_the_history(clinician):
    drug = Drug.objects.get(generic_name="clonazepam")
    form = DrugForm(drug_data(drug, notes="Check the dose."), instance=drug)

    services.drug_save(form=form, user=clinician)

    record = drug.history.latest()
    assert record.history_user == clinician
    assert record.history_change_reason == "Edited in the staff catalogue"
    assert record.notes == "Check the dose."


# Pages by role ------------------------------------------------------------------------------


def _pages(draft):
    """(url, method, data) of every editor page, on the draft and shipped data."""
    drug = Drug.objects.get(generic_name="phenelzine")
    added = services.questionnaire_question_add(version=draft, code="seizures", text="Fits?")
    number = draft.number
    return [
        (reverse("screening:questionnaire_versions"), "get", None),
        (reverse("screening:questionnaire_version", args=[1]), "get", None),
        (reverse("screening:questionnaire_version", args=[number]), "get", None),
        (reverse("screening:questionnaire_version", args=[number]), "post", formset_data(draft)),
        (reverse("screening:questionnaire_draft_start"), "post", {}),
        (
            reverse("screening:questionnaire_question_add", args=[number]),
            "post",
            {"code": "tremor", "text": "Do you have a tremor?"},
        ),
        (
            reverse("screening:questionnaire_question_remove", args=[number, added.pk]),
            "post",
            {},
        ),
        (
            reverse("screening:questionnaire_publish", args=[number]),
            "post",
            {"change_note": "Asks about seizures."},
        ),
        (reverse("screening:drugs"), "get", None),
        (reverse("screening:drug_add"), "get", None),
        (reverse("screening:drug_add"), "post", drug_data()),
        (reverse("screening:drug_edit", args=[drug.pk]), "get", None),
        (reverse("screening:drug_edit", args=[drug.pk]), "post", drug_data(drug, notes="x")),
        (reverse("screening:drug_history", args=[drug.pk]), "get", None),
    ]


PAGE_IDS = [
    "versions",
    "published-version",
    "draft",
    "draft-save",
    "draft-start",
    "question-add",
    "question-remove",
    "publish",
    "drugs",
    "drug-add",
    "drug-add-save",
    "drug-edit",
    "drug-edit-save",
    "drug-history",
]


@pytest.mark.parametrize("page", range(len(PAGE_IDS)), ids=PAGE_IDS)
@pytest.mark.parametrize("persona", ALLOWED)
def test_clinicians_and_clinic_admins_may_use_every_editor_page(client_as, draft, persona, page):
    url, method, data = _pages(draft)[page]

    response = getattr(client_as(persona), method)(url, data)

    assert response.status_code == (200 if method == "get" else 302)


@pytest.mark.parametrize("page", range(len(PAGE_IDS)), ids=PAGE_IDS)
@pytest.mark.parametrize("persona", FORBIDDEN)
def test_the_front_desk_and_patients_get_403_on_every_editor_page(client_as, draft, persona, page):
    url, method, data = _pages(draft)[page]
    drugs_before = list(Drug.history.values_list("pk", flat=True))

    response = getattr(client_as(persona), method)(url, data)

    assert response.status_code == 403
    assert list(Drug.history.values_list("pk", flat=True)) == drugs_before
    assert not QuestionnaireVersion.objects.get(pk=draft.pk).is_published
    assert draft.questions.filter(code="seizures").exists()


@pytest.mark.parametrize("page", range(len(PAGE_IDS)), ids=PAGE_IDS)
def test_anonymous_visitors_are_sent_to_log_in_from_every_editor_page(client, draft, page):
    url, method, data = _pages(draft)[page]

    response = getattr(client, method)(url, data)

    assert_sent_to_login(response, url)


# Questionnaire pages ------------------------------------------------------------------------


def test_the_versions_list_shows_each_version_and_offers_a_new_one(client_as):
    page = client_as("clinician").get(reverse("screening:questionnaire_versions")).text

    assert "Version 1" in page
    assert "Shipped with the portal" in page
    assert f"<td>{len(DEFAULT_QUESTIONS)}</td>" in page
    assert reverse("screening:questionnaire_draft_start") in page


def test_starting_a_version_from_the_list_opens_the_draft(client_as):
    response = client_as("clinician").post(reverse("screening:questionnaire_draft_start"))

    draft = QuestionnaireVersion.objects.get(published_at__isnull=True)
    assert response["Location"] == reverse("screening:questionnaire_version", args=[draft.number])
    listing = client_as("clinician").get(reverse("screening:questionnaire_versions")).text
    assert "Continue the draft" in listing


def test_a_published_version_is_shown_read_only_by_section(client_as):
    page = client_as("clinician").get(reverse("screening:questionnaire_version", args=[1])).text

    assert "Health and safety" in page
    assert "Mood (PHQ-9)" in page
    assert "Are you pregnant, or could you be pregnant?" in page
    assert "<textarea" not in page
    assert "never changes" in page


def test_posting_to_a_published_version_changes_nothing(client_as):
    version = QuestionnaireVersion.objects.get(number=1)
    client = client_as("clinician")
    data = formset_data(version, pregnant={"text": "Changed?"})

    responses = [
        client.post(reverse("screening:questionnaire_version", args=[1]), data),
        client.post(
            reverse("screening:questionnaire_question_add", args=[1]),
            {"code": "seizures", "text": "Seizures?"},
        ),
    ]

    assert all(r.status_code == 302 for r in responses)
    assert question(version, "pregnant").text == "Are you pregnant, or could you be pregnant?"
    assert not version.questions.filter(code="seizures").exists()
    page = client.get(responses[0]["Location"]).text
    assert "Version 1 is published and never changes" in page


def test_the_draft_saves_the_edits_and_says_so(client_as, draft):
    client = client_as("clinician")
    url = reverse("screening:questionnaire_version", args=[draft.number])

    response = client.post(
        url, formset_data(draft, breastfeeding={"text": "Are you nursing a baby?"}), follow=True
    )

    assert response.redirect_chain == [(url, 302)]
    assert "Saved 1 change to the draft." in response.text
    assert question(draft, "breastfeeding").text == "Are you nursing a baby?"


def test_a_milder_safety_question_is_refused_by_the_field_keeping_the_typing(client_as, draft):
    url = reverse("screening:questionnaire_version", args=[draft.number])
    data = formset_data(
        draft,
        pregnant={"flag_severity": "relative", "text": "Might you be pregnant?"},
        aneurysm={"text": "Any aneurysm, ever?"},
    )

    response = client_as("clinician").post(url, data)

    assert response.status_code == 200
    block = field_block(response.text, "id_form-0-flag_severity")
    assert "“pregnant” is a shipped safety question" in block
    assert 'value="relative" selected' in block
    assert "Might you be pregnant?" in response.text
    assert "Any aneurysm, ever?" in response.text
    assert question(draft, "pregnant").flag_severity == "absolute"
    assert question(draft, "aneurysm").text.startswith("Have you ever had an aneurysm")


def test_the_add_form_refuses_a_shipped_code_by_the_field_keeping_the_typing(client_as, draft):
    url = reverse("screening:questionnaire_question_add", args=[draft.number])

    response = client_as("clinician").post(
        url, {"code": "pregnant", "text": "Are you expecting?", "flag_reason": "Expecting."}
    )

    assert response.status_code == 200
    assert "belongs to a shipped question" in field_block(response.text, "id_add_code")
    assert 'value="pregnant"' in field_block(response.text, "id_add_code")
    assert "Are you expecting?" in response.text
    assert 'value="Expecting."' in response.text
    assert draft.questions.filter(code="pregnant").count() == 1


def test_a_shipped_question_has_no_remove_button_and_cannot_be_removed(client_as, draft):
    client = client_as("clinician")
    pain = question(draft, "pain_score")
    remove_url = reverse("screening:questionnaire_question_remove", args=[draft.number, pain.pk])

    page = client.get(reverse("screening:questionnaire_version", args=[draft.number])).text
    response = client.post(remove_url, follow=True)

    assert remove_url not in page
    assert "“pain_score” is a shipped question" in response.text
    assert draft.questions.filter(code="pain_score").exists()


def test_publishing_from_the_page_without_a_note_keeps_the_draft(client_as, draft):
    url = reverse("screening:questionnaire_publish", args=[draft.number])

    response = client_as("clinician").post(url, {"change_note": ""})

    assert response.status_code == 200
    assert services.CHANGE_NOTE_NEEDED in field_block(response.text, "id_publish_change_note")
    assert not QuestionnaireVersion.objects.get(pk=draft.pk).is_published


def test_publishing_from_the_page_names_what_is_wrong(client_as, draft):
    draft.questions.filter(code="aneurysm").update(flag_severity="relative")
    url = reverse("screening:questionnaire_publish", args=[draft.number])

    response = client_as("clinician").post(url, {"change_note": "Milder aneurysm question."})

    assert response.status_code == 200
    assert "“aneurysm” is a shipped safety question" in response.text
    assert "Milder aneurysm question." in response.text
    assert not QuestionnaireVersion.objects.get(pk=draft.pk).is_published


def test_publishing_from_the_page_makes_the_draft_current(client_as, clinician, draft):
    url = reverse("screening:questionnaire_publish", args=[draft.number])

    response = client_as("clinician").post(url, {"change_note": "Asks about seizures."})

    assert response["Location"] == reverse("screening:questionnaire_versions")
    current = QuestionnaireVersion.objects.current()
    assert current == draft
    assert current.published_by == clinician


# Drug catalogue pages -----------------------------------------------------------------------


def drugs_listed(response):
    return [drug.generic_name for drug in response.context["drugs"]]


@pytest.mark.parametrize("q", ["xanax", "XANAX", " Xanax "])
def test_the_catalogue_search_finds_a_drug_by_brand_ignoring_case(client_as, q):
    response = client_as("clinician").get(reverse("screening:drugs"), {"q": q})

    assert drugs_listed(response) == ["alprazolam"]
    assert "Xanax XR" in response.text


def test_the_catalogue_search_finds_a_drug_by_generic_name(client_as):
    response = client_as("clinician").get(reverse("screening:drugs"), {"q": "Phenelz"})

    assert drugs_listed(response) == ["phenelzine"]


def test_the_catalogue_can_be_filtered_by_class(client_as):
    response = client_as("clinician").get(reverse("screening:drugs"), {"drug_class": "maoi"})

    listed = drugs_listed(response)
    assert "phenelzine" in listed
    assert set(
        Drug.objects.filter(generic_name__in=listed).values_list("drug_class", flat=True)
    ) == {"maoi"}


def test_drug_edit_refuses_a_non_absolute_maoi_beside_the_severity_field(client_as):
    drug = Drug.objects.get(generic_name="phenelzine")
    url = reverse("screening:drug_edit", args=[drug.pk])

    response = client_as("clinician").post(
        url, drug_data(drug, brand_names="Nardil, Phenelzine Sulfate", severity="none")
    )

    assert response.status_code == 200
    block = field_block(response.text, "id_severity")
    assert "An MAOI is never compatible with ketamine: its severity must be absolute." in block
    assert "Nardil, Phenelzine Sulfate" in response.text  # as typed, not reformatted
    assert response.text.count("An MAOI is never compatible") == 1
    drug.refresh_from_db()
    assert drug.severity == "absolute"
    assert drug.brand_names == ["Nardil"]


def test_adding_a_drug_shows_it_in_the_catalogue(client_as):
    client = client_as("clinic_admin")

    response = client.post(
        reverse("screening:drug_add"),
        drug_data(generic_name=" Examplazine ", brand_names="Exampla"),
        follow=True,
    )

    assert "Saved “examplazine”." in response.text
    drug = Drug.objects.get(generic_name="examplazine")
    assert drug.brand_names == ["Exampla"]
    assert drugs_listed(client.get(reverse("screening:drugs"), {"q": "exampla"})) == ["examplazine"]


def test_a_drug_already_in_the_catalogue_is_not_added_twice(client_as):
    response = client_as("clinician").post(
        reverse("screening:drug_add"), drug_data(generic_name="Alprazolam", brand_names="Xanx")
    )

    assert response.status_code == 200
    assert "already in the catalogue" in field_block(response.text, "id_generic_name")
    assert "Xanx" in response.text
    assert Drug.objects.filter(generic_name="alprazolam").count() == 1


def test_the_edit_form_shows_brand_names_one_a_line(client_as):
    drug = Drug.objects.get(generic_name="clonazepam")

    page = client_as("clinician").get(reverse("screening:drug_edit", args=[drug.pk])).text

    assert "Klonopin\nKlonopin Wafers</textarea>" in page


def test_the_drug_history_says_who_changed_what(client_as, clinician):
    drug = Drug.objects.get(generic_name="clonazepam")
    client = client_as("clinician")
    client.post(
        reverse("screening:drug_edit", args=[drug.pk]),
        drug_data(drug, brand_names="Klonopin, Rivotril", severity="absolute"),
    )

    page = client.get(reverse("screening:drug_history", args=[drug.pk])).text

    assert str(clinician) in page
    assert "Edited in the staff catalogue" in page
    assert "Brand names</strong>: Klonopin, Klonopin Wafers → Klonopin, Rivotril" in page
    assert "Severity</strong>: Reduced effectiveness → Absolute (not compatible)" in page
    assert "First recorded version" in page


def test_urgent_is_kept_for_the_crisis_questions():
    problems = services.question_problems(
        code="chest_pain_now", kind="yes_no", flag_severity="urgent", flag_reason="Chest pain."
    )

    assert "thoughts of suicide" in problems["flag_severity"]


@pytest.mark.parametrize("change", [{"drug_class": "nsaid"}, {"is_active": ""}])
def test_an_maoi_cannot_be_reclassified_or_switched_off_in_the_staff_catalogue(change):
    nardil = Drug.objects.get(generic_name="phenelzine")
    data = {
        "generic_name": nardil.generic_name,
        "brand_names": "\n".join(nardil.brand_names),
        "drug_class": nardil.drug_class,
        "severity": nardil.severity,
        "notes": nardil.notes,
        "is_active": "on",
    } | change
    data = {k: v for k, v in data.items() if v != ""}

    form = DrugForm(data, instance=nardil)

    assert not form.is_valid()
    assert MAOI_STAYS in str(form.errors)
