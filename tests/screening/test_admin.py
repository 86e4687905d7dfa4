"""Clinicians keep the drug catalogue in the admin."""

import pytest

from screening.models import Drug

pytestmark = pytest.mark.django_db


def test_the_catalogue_can_be_searched_by_brand_name(admin_client):
    response = admin_client.get("/admin/screening/drug/", {"q": "Klonopin"})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [Drug.objects.get(generic_name="clonazepam")]


def test_the_catalogue_can_be_filtered_by_severity(admin_client):
    response = admin_client.get("/admin/screening/drug/", {"severity__exact": "absolute"})
    assert {d.drug_class for d in response.context["cl"].result_list} == {"maoi"}


def test_brand_names_are_edited_one_a_line_and_the_change_is_kept_in_history(admin_client):
    drug = Drug.objects.get(generic_name="clonazepam")
    page = admin_client.get(f"/admin/screening/drug/{drug.pk}/change/")
    assert "Klonopin\nKlonopin Wafers" in page.content.decode()
    response = admin_client.post(
        f"/admin/screening/drug/{drug.pk}/change/",
        {
            "generic_name": "clonazepam",
            "brand_names": "Klonopin\n  Rivotril \n\nKlonopin\n",
            "drug_class": "benzodiazepine",
            "severity": "reduced_effectiveness",
            "notes": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    drug.refresh_from_db()
    assert drug.brand_names == ["Klonopin", "Rivotril"]
    assert drug.history.count() == 2


def test_the_admin_refuses_to_downgrade_an_mao_inhibitor(admin_client):
    drug = Drug.objects.get(generic_name="phenelzine")
    response = admin_client.post(
        f"/admin/screening/drug/{drug.pk}/change/",
        {
            "generic_name": "phenelzine",
            "brand_names": "Nardil",
            "drug_class": "maoi",
            "severity": "reduced_effectiveness",
            "notes": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "An MAOI is never compatible with ketamine" in response.content.decode()
    drug.refresh_from_db()
    assert drug.severity == "absolute"
