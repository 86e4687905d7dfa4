"""The ``consent`` suite: rendering a signed consent as a PDF, the portal's way and bare.

Two steps, both in a subprocess with the portal's environment (``bench/consent_django.py``)
and a throw-away ``MEDIA_ROOT`` (a temporary directory, removed afterwards, so the drawn
signature and the stored PDF never land in the repository's media/):

1. **Fixture**: the patient ``bench-consent-patient@example.com`` with a finished intake
   and a legal name signs the current consent (the default 1.0 from the migrations) through
   ``patients.consent.services.consent_sign``, with a drawn signature. The commit runs the
   PDF task in-process (``CELERY_BROKER_URL=``), which renders and stores the PDF once.
2. **Render**: ``--renders`` timed PDFs of that signature through
   ``patients.consent.pdf.consent_pdf_bytes(signature)`` and as many through a bare
   ``weasyprint.HTML(string=consent_pdf_html(signature)).write_pdf()`` (a new default
   URL fetcher each time), after ``--render-warmup`` untimed ones of each, alternating
   (portal, bare; bare, portal; ...), with a ``gc.collect()`` before each, untimed.

Prints seconds per PDF (median, min, max; CPU median), pages (pypdf) and size per renderer,
and the ratio portal / bare of the medians (aim: within 1.2; reported, never a failure).
Fails when a step fails, when the task stored no PDF, when the HTML differs between two
calls, or when the two renderers (or the stored PDF) disagree on the number of pages.
"""

from __future__ import annotations

import argparse
import tempfile

from bench.context import Context, SuiteReport
from bench.subprocess_helper import HelperError, run_helper

DESCRIPTION = (
    "the signed consent PDF: seconds per PDF through the portal's render_consent_pdf() vs "
    "a bare WeasyPrint call on the same HTML"
)
MODE = "persistent"
AIM_RATIO = 1.2
HELPER = "bench/consent_django.py"
HELPER_TIMEOUT = 900  # seconds


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("consent suite")
    group.add_argument(
        "--renders",
        type=int,
        default=10,
        help="timed consent PDFs per renderer, portal and bare (default: 10)",
    )
    group.add_argument(
        "--render-warmup",
        type=int,
        default=1,
        help="untimed consent PDFs per renderer before the timed ones (default: 1)",
    )


def _helper(ctx: Context, media_root: str, *args: str) -> dict:
    """Run bench/consent_django.py in the portal's environment with this MEDIA_ROOT; its
    last stdout line is JSON."""
    env = {**ctx.env(MODE), "MEDIA_ROOT": media_root}
    return run_helper(ctx, HELPER, *args, env=env, timeout=HELPER_TIMEOUT)


def _kb(size: float) -> str:
    return f"{size / 1024:.1f}"


def run(ctx: Context) -> SuiteReport:
    args = ctx.args
    if args.renders < 1 or args.render_warmup < 0:
        return SuiteReport(failures=["--renders must be >= 1 and --render-warmup >= 0"])
    report = SuiteReport()
    with tempfile.TemporaryDirectory(prefix="bench-consent-media-") as media_root:
        # 1. Fixture: a real signature, its PDF rendered once by the task on commit.
        try:
            fixture = _helper(ctx, media_root, "fixture")
        except HelperError as exc:
            return SuiteReport(failures=[f"fixture: {exc}"])
        report.data["fixture"] = fixture
        stored = (
            f"stored, {fixture['pdf_pages']} pages, {_kb(fixture['pdf_bytes'])} KB"
            if fixture["pdf_stored"]
            else "NOTHING STORED"
        )
        print(
            f"fixture: {fixture['legal_name']} (intake finished, {fixture['location']}) signed "
            f"consent no. {fixture['signature_id']}, {fixture['document']}, "
            f"{fixture['sections']} sections acknowledged, "
            f"{'drawn signature' if fixture['drawn_signature'] else 'typed name only'}; "
            f"PDF task on commit: {stored} ({fixture['sign_and_task_seconds']:.2f}s with "
            f"the signing, cold)",
            flush=True,
        )
        if not fixture["pdf_stored"]:
            report.failures.append("the PDF task stored no PDF for the new signature")

        # 2. Render, portal and bare, alternating.
        try:
            render = _helper(
                ctx,
                media_root,
                "render",
                "--signature",
                str(fixture["signature_id"]),
                "--renders",
                str(args.renders),
                "--warmup",
                str(args.render_warmup),
            )
        except HelperError as exc:
            report.failures.append(f"render: {exc}")
            return report
    report.data["render"] = render
    portal, bare = render["portal"], render["bare"]
    print(
        f"WeasyPrint {render['weasyprint']}, Pango {render['pango']}, fonts subset by "
        f"{'HarfBuzz (libharfbuzz-subset)' if render['harfbuzz_subset'] else 'fontTools'}; "
        f"HTML {render['html_chars']} characters, built in "
        f"{render['html_median_s'] * 1000:.1f} ms (consent_pdf_html, inside both timings)"
    )
    print(
        f"\n== consent PDF: {args.renders} timed renders per row after "
        f"{args.render_warmup} untimed, alternating portal / bare"
    )
    print(format_render_table({"portal": portal, "bare": bare}))
    ratio = portal["median_s"] / bare["median_s"]
    ratio_min = portal["min_s"] / bare["min_s"]
    ratio_cpu = portal["cpu_median_s"] / bare["cpu_median_s"]
    met = ratio <= AIM_RATIO
    print(
        f"aim, ratio portal / bare: {ratio:.2f} on the median ({ratio_min:.2f} on the min, "
        f"{render['paired_ratio_median']:.2f} median of the {args.renders} back-to-back "
        f"pairs, {ratio_cpu:.2f} on the CPU median), aim within {AIM_RATIO:g}: "
        f"{'met' if met else 'NOT MET (reported, not a failure)'}"
    )
    same = "yes" if render["same_bytes_portal_bare"] else "no"
    print(f"same PDF bytes from portal and bare: {same}", flush=True)
    report.data["aims"] = {
        "ratio": ratio,
        "ratio_min": ratio_min,
        "ratio_cpu": ratio_cpu,
        "within_1_2_met": met,
    }

    if not render["html_stable"]:
        report.failures.append("consent_pdf_html() gave different HTML on two calls")
    pages = set(portal["pages"]) | set(bare["pages"])
    if fixture["pdf_stored"]:
        pages.add(fixture["pdf_pages"])
    if len(pages) != 1 or 0 in pages:
        report.failures.append(
            f"page counts disagree or are zero: portal {portal['pages']}, bare {bare['pages']}, "
            f"stored by the task {fixture.get('pdf_pages', '-')}"
        )
    return report


def format_render_table(rows: dict[str, dict]) -> str:
    """A Markdown table, so it can be pasted into bench/README.md as is."""
    calls = {
        "portal": "render_consent_pdf(signature)",
        "bare": "HTML(string=consent_pdf_html(signature)).write_pdf()",
    }
    header = ["renderer", "call", "median s", "min s", "max s", "CPU median s", "pages", "KB"]
    cells = [
        [
            name,
            calls.get(name, "-"),
            f"{r['median_s']:.3f}",
            f"{r['min_s']:.3f}",
            f"{r['max_s']:.3f}",
            f"{r['cpu_median_s']:.3f}",
            "/".join(map(str, r["pages"])),
            _kb(r["bytes"])
            if r["bytes_min"] == r["bytes_max"]
            else f"{_kb(r['bytes_min'])}-{_kb(r['bytes_max'])}",
        ]
        for name, r in rows.items()
    ]
    widths = [max(len(row[i]) for row in [header, *cells]) for i in range(len(header))]

    def line(row: list[str]) -> str:
        out = [c.ljust(w) for c, w in zip(row[:2], widths[:2], strict=True)]
        out += [c.rjust(w) for c, w in zip(row[2:], widths[2:], strict=True)]
        return "| " + " | ".join(out) + " |"

    rule = (
        "|"
        + "|".join(":" + "-" * (w + 1) for w in widths[:2])
        + "|"
        + "|".join("-" * (w + 1) + ":" for w in widths[2:])
        + "|"
    )
    return "\n".join([line(header), rule, *(line(row) for row in cells)])
