"""The data download as a PDF: the same data as the JSON, as headings and tables."""

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML, URLFetcher

# The PDF needs no network: no images, no links fetched. Built once (it costs time).
_FETCHER = URLFetcher()


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _cell(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return "; ".join(_cell(item) for item in value) or "—"
    if isinstance(value, dict):
        return "; ".join(f"{_label(k)}: {_cell(v)}" for k, v in value.items()) or "—"
    return str(value)


def _section(name: str, value) -> dict:
    """A titled block: a dict of plain values is a two-column table; a list of dicts a table
    with a column per key; nested dicts become their own sections."""
    if isinstance(value, list):
        columns = sorted({key for item in value if isinstance(item, dict) for key in item})
        rows = [[_cell(item.get(c)) for c in columns] for item in value if isinstance(item, dict)]
        return {"title": _label(name), "columns": [_label(c) for c in columns], "rows": rows}
    if isinstance(value, dict) and any(isinstance(v, list | dict) for v in value.values()):
        return {
            "title": _label(name),
            "children": [_section(key, child) for key, child in value.items()],
        }
    if isinstance(value, dict):
        return {"title": _label(name), "pairs": [(_label(k), _cell(v)) for k, v in value.items()]}
    return {"title": _label(name), "pairs": [("Value", _cell(value))]}


def patient_data_pdf(data: dict, *, patient_name: str) -> bytes:
    sections = [_section(key, value) for key, value in data.items() if key != "generated_at"]
    html = render_to_string(
        "patients/rights/pdf.html",
        {
            "clinic_name": settings.CLINIC_NAME,
            "patient_name": patient_name,
            "generated_at": data.get("generated_at", ""),
            "sections": sections,
        },
    )
    return HTML(string=html, url_fetcher=_FETCHER).write_pdf()
