"""`manage.py screen_medications`: clinic admins try the catalogue as patients would type."""

import io
import json

import pytest
from django.core.management import call_command

from screening.models import Drug

pytestmark = pytest.mark.django_db

KEYS = ["input", "generic", "drug_class", "severity"]


def screen(*args, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out = io.StringIO()
    call_command("screen_medications", *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_it_prints_one_json_object_per_argument_in_order():
    results = screen("xanax .5mg", "nardil", "fish oil", "Percocet and Xanax", "klonopine")
    assert [r["input"] for r in results] == [
        "xanax .5mg",
        "nardil",
        "fish oil",
        "Percocet and Xanax",
        "klonopine",
    ]
    assert all(list(r) == KEYS for r in results)
    assert results[0] == {
        "input": "xanax .5mg",
        "generic": "alprazolam",
        "drug_class": "benzodiazepine",
        "severity": "reduced_effectiveness",
    }
    assert results[1] == {
        "input": "nardil",
        "generic": "phenelzine",
        "drug_class": "maoi",
        "severity": "absolute",
    }
    assert results[3]["generic"] == "oxycodone and acetaminophen"
    assert results[4]["generic"] == "clonazepam"


def test_an_unmatched_medication_gets_nulls_rather_than_being_dropped():
    [result] = screen("fish oil")
    assert result == {"input": "fish oil", "generic": None, "drug_class": None, "severity": None}


def test_it_prints_json_null():
    out = io.StringIO()
    call_command("screen_medications", "metformin", stdout=out)
    assert out.getvalue().strip() == (
        '{"input": "metformin", "generic": null, "drug_class": null, "severity": null}'
    )


def test_without_arguments_it_reads_one_medication_a_line_from_standard_input(monkeypatch):
    results = screen(stdin="zanax\nfish oil\r\nMethylene Blue\n", monkeypatch=monkeypatch)
    assert [(r["input"], r["generic"]) for r in results] == [
        ("zanax", "alprazolam"),
        ("fish oil", None),
        ("Methylene Blue", "methylene blue"),
    ]


def test_it_matches_against_the_catalogue_as_clinicians_edited_it():
    Drug.objects.filter(generic_name="alprazolam").update(is_active=False)
    drug = Drug.objects.get(generic_name="clonazepam")
    drug.brand_names = [*drug.brand_names, "Rivotril"]
    drug.save()
    Drug.objects.create(
        generic_name="tedizolid", brand_names=["Sivextro"], drug_class="maoi", severity="absolute"
    )
    results = screen("Xanax", "Rivotril 2mg", "sivextro")
    assert [r["generic"] for r in results] == [None, "clonazepam", "tedizolid"]
