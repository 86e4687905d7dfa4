"""The staff drug catalogue: its form, search, adding, editing and history."""

import pytest
from django.urls import reverse

from screening.editor import services
from screening.editor.forms import MAOI_STAYS, DrugForm
from screening.models import Drug
from tests.screening.editor.helpers import drug_data, field_block

pytestmark = pytest.mark.django_db


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
