"""The Django half of the ``consent`` suite; bench/consent.py runs it in a subprocess.

    python bench/consent_django.py fixture
    python bench/consent_django.py render --signature ID [--renders 10] [--warmup 1]

with the benchmark environment (``Context.env()``: DATABASE_URL of clinic_bench, DEBUG=0,
``CELERY_BROKER_URL=`` so tasks run in-process) and a throw-away ``MEDIA_ROOT`` that the
suite makes for the run. Each command prints one JSON object on its last line of stdout
and exits 0, or prints the traceback and exits non-zero.

``fixture``: the patient ``bench-consent-patient@example.com`` (Patient group, no usable
password) with a finished intake, a legal name and the seeded location ``riverside``; their
earlier bench signatures are deleted, then they sign the current (default, 1.0) consent
through ``patients.consent.services.consent_sign``, acknowledging every section, typing
their legal name and drawing a signature, exactly as the signing page does. The commit
runs the ``render_consent_pdf`` task eagerly, which renders and stores the PDF once (under
the throw-away ``MEDIA_ROOT``).

``render``: times, in one process and in alternating order, the portal's
``patients.consent.pdf.consent_pdf_bytes(signature)`` (one ``URLFetcher`` shared by every
document) against a bare ``weasyprint.HTML(string=consent_pdf_html(signature)).write_pdf()``
(a new default fetcher each time). Both build the same HTML with the same function, so
the only difference is how WeasyPrint is called.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: bench/, not the repository, is on the path
    sys.path.insert(0, str(REPO))

EMAIL = "bench-consent-patient@example.com"
FIRST_NAME, LAST_NAME = "Bench", "Consent Patient"
LOCATION_SLUG = "riverside"  # seed_demo's open location
USER_AGENT = "bench/consent.py (a benchmark, not a browser)"


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")
    import django

    django.setup()


def _drawn_signature() -> str:
    """A PNG data URL like the signing page's 500x150 canvas sends: a scribble."""
    import base64
    import math

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (500, 150), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    points = [
        (25 + x * 1.5, 75 + 35 * math.sin(x / 14) * math.cos(x / 37) - 15 * math.sin(x / 5))
        for x in range(300)
    ]
    draw.line(points, fill=(17, 17, 17, 255), width=3, joint="curve")
    draw.line([(35, 130), (465, 122)], fill=(17, 17, 17, 255), width=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def _pdf_pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


# Fixture ---------------------------------------------------------------------------------


def build_fixture() -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.utils import timezone

    from clinic.accounts.roles import Role
    from clinic.locations.models import Location
    from patients.consent.document import consent_html, sha256_hex
    from patients.consent.services import consent_sign
    from patients.intake import steps
    from patients.models import ConsentDocument, ConsentSignature
    from patients.selectors import patient_for_user

    with transaction.atomic():
        user, new = get_user_model().objects.get_or_create(
            email=EMAIL, defaults={"first_name": FIRST_NAME, "last_name": LAST_NAME}
        )
        if new or not user.is_active or user.has_usable_password():
            user.is_active = True
            user.set_unusable_password()  # nobody logs in as the bench patient
            user.save()
        user.groups.set([Group.objects.get(name=Role.PATIENT.value)])

        patient = patient_for_user(user=user)
        wanted = {
            "legal_first_name": FIRST_NAME,
            "legal_last_name": LAST_NAME,
            "date_of_birth": date(1984, 5, 17),
            "phone": "(860) 555-0142",
            "street_address": "2 Benchmark Way",
            "city": "Hartford",
            "state": "CT",
            "postal_code": "06103",
            "emergency_contact_name": "Bench Contact",
            "emergency_contact_phone": "(860) 555-0143",
            "emergency_contact_relationship": "Sibling",
            "escort_name": "Bench Contact",
            "escort_phone": "(860) 555-0143",
            "preferred_location": Location.objects.get(slug=LOCATION_SLUG),
            "takes_no_medications": True,
            "intake_steps_done": [step.slug for step in steps.STEPS],
        }
        if patient.intake_completed_at is None or any(
            getattr(patient, k) != v for k, v in wanted.items()
        ):
            for key, value in wanted.items():
                setattr(patient, key, value)
            patient.intake_completed_at = patient.intake_completed_at or timezone.now()
            patient.save()  # only when needed: each save adds a history row

        # Earlier runs' signatures: their files were in an earlier run's MEDIA_ROOT.
        old = ConsentSignature.objects.filter(patient=patient)
        deleted = old.count()
        old.delete()

    document = ConsentDocument.objects.current()
    if document is None:
        raise RuntimeError("no published consent: did migrate run?")
    # Outside the atomic block above, so that consent_sign's own commit runs the eager
    # PDF task (transaction.on_commit), as after a real signature.
    started = time.perf_counter()
    signature = consent_sign(
        patient=patient,
        document=document,
        typed_name=patient.legal_name,
        acknowledged=[section["key"] for section in document.sections],
        shown_sha256=sha256_hex(consent_html(document)),
        drawn_signature=_drawn_signature(),
        ip_address="127.0.0.1",
        user_agent=USER_AGENT,
    )
    sign_seconds = time.perf_counter() - started
    signature.refresh_from_db()
    stored = {"pdf_stored": bool(signature.pdf)}
    if signature.pdf:
        with signature.pdf.open("rb") as fh:
            data = fh.read()
        stored |= {"pdf_bytes": len(data), "pdf_pages": _pdf_pages(data)}
    return {
        "patient_id": patient.pk,
        "legal_name": patient.legal_name,
        "location": LOCATION_SLUG,
        "signature_id": signature.pk,
        "document": f"{document.title} {document.version_label}",
        "document_major": document.major,
        "document_minor": document.minor,
        "sections": len(document.sections),
        "drawn_signature": bool(signature.drawn_signature),
        "sign_and_task_seconds": sign_seconds,
        "deleted_signatures": deleted,
        **stored,
    }


# Render ----------------------------------------------------------------------------------


def _timed(render) -> tuple[float, float, bytes]:
    gc.collect()  # untimed: neither variant pays for the other's garbage
    wall, cpu = time.perf_counter(), time.process_time()
    data = render()
    return time.perf_counter() - wall, time.process_time() - cpu, data


def _summary(wall: list[float], cpu: list[float], outputs: list[bytes]) -> dict:
    pages = sorted({_pdf_pages(data) for data in outputs})
    sizes = [len(data) for data in outputs]
    return {
        "renders": len(wall),
        "seconds": wall,
        "median_s": statistics.median(wall),
        "min_s": min(wall),
        "max_s": max(wall),
        "cpu_median_s": statistics.median(cpu),
        "cpu_min_s": min(cpu),
        "pages": pages,
        "bytes": statistics.median(sizes),
        "bytes_min": min(sizes),
        "bytes_max": max(sizes),
        "identical_outputs": len(set(outputs)) == 1,
    }


def run_render(signature_id: int, renders: int, warmup: int) -> dict:
    import weasyprint
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset, pango

    from patients.consent.pdf import consent_pdf_bytes, consent_pdf_html
    from patients.models import ConsentSignature

    # Loaded as consent_store_pdf (the Celery task) loads it.
    signature = ConsentSignature.objects.select_related(
        "patient__preferred_location", "document"
    ).get(pk=signature_id)

    def portal() -> bytes:
        return consent_pdf_bytes(signature)

    def bare() -> bytes:
        return weasyprint.HTML(string=consent_pdf_html(signature)).write_pdf()

    html = consent_pdf_html(signature)
    html_stable = html == consent_pdf_html(signature)
    html_times = []
    for _ in range(5):
        started = time.perf_counter()
        consent_pdf_html(signature)
        html_times.append(time.perf_counter() - started)

    variants = {"portal": portal, "bare": bare}
    for _ in range(warmup):
        for render in variants.values():
            render()
    wall = {name: [] for name in variants}
    cpu = {name: [] for name in variants}
    outputs = {name: [] for name in variants}
    order = list(variants)
    for index in range(renders):
        # portal, bare; bare, portal; ...: whatever the machine does hits both alike.
        for name in order if index % 2 == 0 else order[::-1]:
            seconds, cpu_seconds, data = _timed(variants[name])
            wall[name].append(seconds)
            cpu[name].append(cpu_seconds)
            outputs[name].append(data)
    results = {name: _summary(wall[name], cpu[name], outputs[name]) for name in variants}
    ratios = [p / b for p, b in zip(wall["portal"], wall["bare"], strict=True)]
    return {
        "signature_id": signature.pk,
        "html_chars": len(html),
        "html_stable": html_stable,
        "html_median_s": statistics.median(html_times),
        "warmup": warmup,
        "portal": results["portal"],
        "bare": results["bare"],
        "same_bytes_portal_bare": outputs["portal"][0] == outputs["bare"][0],
        "paired_ratio_median": statistics.median(ratios),
        "weasyprint": weasyprint.__version__,
        "pango": _pango_version(pango),
        "harfbuzz_subset": bool(harfbuzz_subset and harfbuzz.hb_version_atleast(4, 1, 0)),
    }


def _pango_version(pango) -> str:
    number = pango.pango_version()  # major * 10000 + minor * 100 + micro
    return f"{number // 10000}.{number // 100 % 100}.{number % 100}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/consent_django.py")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("fixture", help="(re)make the bench patient and their signed consent")
    render = commands.add_parser("render", help="time the consent PDF, portal vs bare")
    render.add_argument("--signature", type=int, required=True)
    render.add_argument("--renders", type=int, default=10)
    render.add_argument("--warmup", type=int, default=1)
    args = parser.parse_args(argv)
    _setup_django()
    if args.command == "fixture":
        result = build_fixture()
    else:
        result = run_render(args.signature, max(1, args.renders), max(0, args.warmup))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
