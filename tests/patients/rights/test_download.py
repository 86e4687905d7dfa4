"""A patient downloads all their data, as JSON and as PDF; nobody else gets it."""

import io
import json

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.access import FORBIDDEN, TO_LOGIN, assert_responds

PAGES = ["patients:my_data", "patients:my_data_json", "patients:my_data_pdf"]


def download(client, patient):
    client.force_login(patient)
    response = client.get(reverse("patients:my_data_json"))
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_json_holds_the_intake_screening_and_infusion_parts(client, patient, charted):
    data = download(client, patient)

    assert data["patient"]["account"]["email"] == "pat@example.com"
    assert data["patient"]["intake"]["legal_last_name"] == "Quill"
    assert data["patient"]["intake"]["allergies"] == "Penicillin"
    assert len(data["patient"]["consents"]) == 1
    [screening] = data["screening"]["screenings"]
    assert screening["answers"]
    assert [d["outcome"] for d in screening["decisions"]] == ["Cleared"]
    assert screening["decisions"][0]["note"] == "Calm answers; cleared."
    [appointment] = data["infusions"]["appointments"]
    assert appointment["status"] == "Booked"
    assert appointment["starts_at_local"][11:16] == "10:00"
    assert appointment["starts_at"].endswith("+00:00")
    [record] = data["infusions"]["infusion_records"]
    assert record["weight_kg"] == "72.5"
    assert record["side_effects"] == ["Nausea"]
    assert record["signed"] is False


def test_the_json_is_an_attachment_not_kept_in_caches(client, patient, cleared):
    client.force_login(patient)
    response = client.get(reverse("patients:my_data_json"))

    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]


def test_a_second_patients_download_never_holds_the_first_ones_data(
    client, other_patient, other_record, charted
):
    data = download(client, other_patient)
    text = json.dumps(data)

    assert data["patient"]["intake"]["legal_last_name"] == "Vorne"
    assert "Quill" not in text
    assert "Penicillin" not in text
    assert '"pat@example.com"' not in text
    assert data["screening"]["screenings"] == []
    assert data["infusions"]["appointments"] == []
    assert data["infusions"]["infusion_records"] == []


def test_the_pdf_is_a_pdf_with_the_patients_name(client, patient, charted):
    client.force_login(patient)
    response = client.get(reverse("patients:my_data_pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Rowena Quill" in text
    assert "Penicillin" in text


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", TO_LOGIN), ("front_desk", FORBIDDEN), ("clinician", FORBIDDEN)],
)
def test_only_the_patient_can_use_their_pages(db, client_as, page, persona, expected):
    url = reverse(page)
    assert_responds(client_as(persona).get(url), url, expected)


def test_the_page_says_clinical_records_are_kept_and_links_the_downloads(client, patient, cleared):
    client.force_login(patient)
    response = client.get(reverse("patients:my_data"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "seven years or more" in page
    assert reverse("patients:my_data_json") in page
    assert reverse("patients:my_data_pdf") in page


def test_the_home_page_links_the_data_page(client, patient, cleared):
    client.force_login(patient)
    response = client.get(reverse("patients:dashboard"))

    assert reverse("patients:my_data") in response.content.decode()
