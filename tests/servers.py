"""The portal and its neighbours as separate processes, for tests of what crosses a process:
a restored backup served, two web nodes sharing sessions and files, an S3-compatible server."""

import os
import secrets
import shutil
import socket
import string
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

REPO = Path(__file__).resolve().parents[1]
SYSTEM_ENVIRONMENT = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TZ"}


def database_url(name=None):
    """The test database's server and login, with another database's name if given."""
    db = connection.settings_dict
    login = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        login += ":" + quote(db["PASSWORD"], safe="")
    port = f":{db['PORT']}" if db["PORT"] else ""
    name = db["NAME"] if name is None else name
    return f"postgres://{login}@{db['HOST'] or '127.0.0.1'}{port}/{quote(name, safe='')}"


def portal_env(url, **extra):
    """A fresh process's environment: this machine's basics, the portal run as `make run`
    does (no production secrets), on the database at `url`; nothing from this test run."""
    env = {key: value for key, value in os.environ.items() if key in SYSTEM_ENVIRONMENT}
    env.update(
        DATABASE_URL=url,
        LOCAL_DEMO="1",
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        PYTHON=sys.executable,
        **extra,
    )
    return env


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our own local server
        return response.status, response.read().decode()


def launch(command, *, env=None, answers, cwd=REPO):
    """Start a server process and wait until `answers()` says it is up."""
    process = subprocess.Popen(  # noqa: S603 - our own servers, our own arguments
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{command[0]} stopped:\n{process.stdout.read()}")
        if answers():
            return process
        time.sleep(0.3)
    process.kill()
    pytest.fail(f"{command[0]} did not answer in time:\n{process.communicate()[0]}")


def http_answers(url):
    try:
        urllib.request.urlopen(url, timeout=5).close()  # noqa: S310 - our own local server
    except urllib.error.HTTPError:
        return True  # it answers, if not with a 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False
    return True


def start(command, *, env, ready_url):
    """An HTTP server on a free port ("{port}" in its command); the process and its address."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [part.format(port=port) for part in command]
    return launch(command, env=env, answers=lambda: http_answers(base + ready_url)), base


def serve(env):
    """The portal as production runs it (gunicorn where installed), on a free local port."""
    gunicorn = Path(sys.executable).parent / "gunicorn"
    if gunicorn.exists():
        command = [str(gunicorn), "clinic.wsgi:application", "--bind", "127.0.0.1:{port}"]
        command += ["--workers", "1"]
    else:
        command = [sys.executable, "manage.py", "runserver", "--noreload", "127.0.0.1:{port}"]
    return start(command, env=env, ready_url="/healthz")


def stop(server):
    """Asked to stop, so that it stops its own workers (nginx's would outlive a kill)."""
    server.terminate()
    try:
        server.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.communicate(timeout=15)


class S3Server:
    """A local S3-compatible server (moto's, in its own process), reached over HTTP like any
    other. Any access key works; each bucket() is new."""

    ACCESS = {"AWS_ACCESS_KEY_ID": "local-test-key", "AWS_SECRET_ACCESS_KEY": "local-test-secret"}
    REGION = "us-east-1"

    def __init__(self):
        moto = Path(sys.executable).parent / "moto_server"
        env = {key: value for key, value in os.environ.items() if key in SYSTEM_ENVIRONMENT}
        self.process, self.endpoint = start(
            [str(moto), "-H", "127.0.0.1", "-p", "{port}"], env=env, ready_url="/"
        )

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=self.REGION,
            aws_access_key_id=self.ACCESS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=self.ACCESS["AWS_SECRET_ACCESS_KEY"],
        )

    def bucket(self):
        name = f"clinic-private-{secrets.token_hex(6)}"
        self.client().create_bucket(Bucket=name)
        return name

    def objects(self, bucket):
        """Every object's key, with its bytes and how it is encrypted at rest."""
        client = self.client()
        found = {}
        for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
            got = client.get_object(Bucket=bucket, Key=item["Key"])
            found[item["Key"]] = (got["Body"].read(), got.get("ServerSideEncryption"))
        return found

    def storage_env(self, bucket):
        """The portal's settings (environment) for private files in `bucket` here."""
        return {
            "PRIVATE_FILES_BUCKET": bucket,
            "PRIVATE_FILES_ENDPOINT_URL": self.endpoint,
            "PRIVATE_FILES_REGION": self.REGION,
            **self.ACCESS,
        }

    def stop(self):
        stop(self.process)


def proxy(nodes, folder):
    """nginx with the production proxy's configuration (ops/nginx/clinic.conf.template),
    in front of `nodes` ("127.0.0.1:port" each), TLS with a certificate made here; the
    process, its https address and the certificate to trust."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(  # noqa: S603 - openssl, our own arguments
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + [
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(folder / "privkey.pem"),
        ]
        + ["-out", str(folder / "fullchain.pem")],
        check=True,
        capture_output=True,
    )
    http_port, https_port = free_port(), free_port()
    site = string.Template((REPO / "ops" / "nginx" / "clinic.conf.template").read_text())
    site = site.safe_substitute(
        WEB_NODE_1=nodes[0],
        WEB_NODE_2=nodes[1],
        HTTP_PORT=http_port,
        HTTPS_PORT=f"127.0.0.1:{https_port}",
        TLS_DIR=folder,
        ACCESS_LOG=folder / "access.log",
    )
    (folder / "clinic.conf").write_text(site)
    temp = "".join(
        f"{kind}_temp_path {folder / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (folder / "nginx.conf").write_text(
        f"daemon off;\nworker_processes 1;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'};\nevents {{}}\n"
        f"http {{\n{temp}include {folder / 'clinic.conf'};\n}}\n"
    )

    def listening():
        try:
            with socket.create_connection(("127.0.0.1", https_port), timeout=1):
                return True
        except OSError:
            return False

    nginx = [shutil.which("nginx"), "-p", str(folder), "-c", str(folder / "nginx.conf")]
    process = launch(nginx, answers=listening)
    return process, f"https://127.0.0.1:{https_port}", folder / "fullchain.pem"
