"""Two web nodes behind one proxy, as docker-compose runs them: each a gunicorn process with
its own disk, sharing only the database, the cache and the private files' bucket; nginx with
the production configuration in front, ending TLS. A patient signed in through the proxy is
signed in on either node; an ID photo sent through it is what staff see from either."""

import io
import re
import shutil
from datetime import date

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.urls import reverse
from PIL import Image

from tests.screening.factories import PatientFactory
from tests.servers import database_url, portal_env, proxy, serve, stop

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


def browser(certificate) -> requests.Session:
    """A browser's cookie jar, trusting the proxy's certificate (made for the test) alone."""
    session = requests.Session()
    session.trust_env = False
    session.verify = str(certificate)
    return session


def sign_in(browser: requests.Session, node: str, user) -> None:
    # The tests' own fast hasher is not one the nodes accept: the production default is.
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode(PASSWORD, hasher.salt())
    user.save(update_fields=["password"])
    login = browser.get(f"{node}{reverse('login')}")
    done = browser.post(
        login.url,
        {"csrfmiddlewaretoken": form_token(login), "username": user.email, "password": PASSWORD},
        headers={"Referer": login.url},
        allow_redirects=False,
    )
    assert done.status_code == 302, done.text


@pytest.fixture
def deployment(committed_db, s3_server, tmp_path):
    """Two gunicorn nodes, each with its own disk, behind nginx configured as in production;
    the bucket, the nodes' addresses and the proxy's."""
    if shutil.which("nginx") is None:
        pytest.skip("nginx is not installed (Debian package nginx; .ci/run installs it)")
    bucket = s3_server.bucket()
    nodes = []
    for name in ("a", "b"):
        env = portal_env(
            database_url(),
            MEDIA_ROOT=str(tmp_path / f"node-{name}"),
            CACHE_URL=SHARED_CACHE,
            STAFF_TWO_FACTOR="0",
            TRUSTED_PROXIES="127.0.0.1",
            **s3_server.storage_env(bucket),
        )
        nodes.append(serve(env))
    addresses = [base for _, base in nodes]
    nginx, through_proxy, certificate = proxy(
        [a.removeprefix("http://") for a in addresses], tmp_path / "proxy"
    )
    yield bucket, addresses, through_proxy, certificate
    stop(nginx)
    for server, _ in nodes:
        stop(server)


def test_a_session_and_an_upload_work_across_both_nodes(
    deployment, patient, front_desk, s3_server, tmp_path
):
    bucket, (node_a, node_b), through_proxy, certificate = deployment
    record = PatientFactory(user=patient)
    identity = reverse("patients:intake_step", args=["identity"])
    id_photo = reverse("patients:staff_id_photo", args=[record.pk])

    as_patient = browser(certificate)
    sign_in(as_patient, through_proxy, patient)
    for node in (node_a, node_b):  # the session made through the proxy is known on each
        assert as_patient.get(node + identity, allow_redirects=False).status_code == 200
    step = as_patient.get(through_proxy + identity, allow_redirects=False)
    sent = as_patient.post(
        through_proxy + identity,
        data={
            "csrfmiddlewaretoken": form_token(step),
            "id_document_type": "passport",
            "id_document_expiry": date(2031, 5, 1).isoformat(),
        },
        files={"id_document_photo": ("passport.png", png(), "image/png")},
        headers={"Referer": step.url},
        allow_redirects=False,
    )
    assert sent.status_code == 302, sent.text

    record.refresh_from_db()
    assert list(s3_server.objects(bucket)) == [record.id_document_photo.name]
    assert not list((tmp_path / "node-a").rglob("*.png"))  # on neither node's disk
    assert not list((tmp_path / "node-b").rglob("*.png"))

    as_desk = browser(certificate)
    sign_in(as_desk, through_proxy, front_desk)
    for base in (node_a, node_b, through_proxy):
        photo = as_desk.get(base + id_photo)
        assert photo.status_code == 200
        assert photo.content == png()
