"""Two web nodes, as docker-compose runs them behind one proxy: each a gunicorn process with
its own disk, sharing only the database, the cache and the private files' bucket. A patient
signed in on one node is signed in on the other; an ID photo sent to one is what staff see
on the other."""

import io
import re
from datetime import date

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.urls import reverse
from PIL import Image

from patients.models import Patient
from tests.screening.factories import PatientFactory
from tests.servers import database_url, portal_env, serve, stop

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two processes share a server database"
)

PASSWORD = "correct-horse-battery"  # tests/factories.py
SHARED_CACHE = "redis://127.0.0.1:6379/14"


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (48, 30), (90, 40, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def form_token(page: requests.Response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def sign_in(browser: requests.Session, node: str, user) -> None:
    # The tests' own fast hasher is not one the nodes accept: the production default is.
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode(PASSWORD, hasher.salt())
    user.save(update_fields=["password"])
    login = browser.get(f"{node}{reverse('login')}", timeout=30)
    done = browser.post(
        login.url,
        {"csrfmiddlewaretoken": form_token(login), "username": user.email, "password": PASSWORD},
        headers={"Referer": login.url},
        allow_redirects=False,
        timeout=30,
    )
    assert done.status_code == 302, done.text


@pytest.fixture
def two_nodes(committed_db, s3_server, tmp_path):
    bucket = s3_server.bucket()
    nodes = []
    for name in ("a", "b"):
        env = portal_env(
            database_url(),
            MEDIA_ROOT=str(tmp_path / f"node-{name}"),
            CACHE_URL=SHARED_CACHE,
            STAFF_TWO_FACTOR="0",
            **s3_server.storage_env(bucket),
        )
        nodes.append(serve(env))
    yield bucket, [base for _, base in nodes]
    for server, _ in nodes:
        stop(server)


def test_a_session_and_an_upload_work_across_both_nodes(
    two_nodes, patient, front_desk, s3_server, tmp_path
):
    bucket, (node_a, node_b) = two_nodes
    record = PatientFactory(user=patient)
    identity = reverse("patients:intake_step", args=["identity"])

    as_patient = requests.Session()
    sign_in(as_patient, node_a, patient)
    step = as_patient.get(f"{node_b}{identity}", allow_redirects=False, timeout=30)
    assert step.status_code == 200  # the session made on a is known on b
    sent = as_patient.post(
        f"{node_b}{identity}",
        data={
            "csrfmiddlewaretoken": form_token(step),
            "id_document_type": "passport",
            "id_document_expiry": date(2031, 5, 1).isoformat(),
        },
        files={"id_document_photo": ("passport.png", png(), "image/png")},
        headers={"Referer": step.url},
        allow_redirects=False,
        timeout=30,
    )
    assert sent.status_code == 302, sent.text

    record.refresh_from_db()
    assert list(s3_server.objects(bucket)) == [record.id_document_photo.name]
    assert not any(path.is_file() for path in tmp_path.rglob("*"))  # neither node's disk

    as_desk = requests.Session()
    sign_in(as_desk, node_b, front_desk)
    photo = as_desk.get(
        f"{node_a}{reverse('patients:staff_id_photo', args=[record.pk])}", timeout=30
    )
    assert photo.status_code == 200
    assert photo.content == png()
    assert Patient.objects.get(pk=record.pk).id_document_photo_uploaded_at is not None
