"""Medication matching, without a database: what patients type against the seed catalogue."""

import pytest

from screening.catalogue import CATALOGUE
from screening.matching import (
    CatalogueEntry,
    allowed_distance,
    edit_distance,
    match_all,
    match_medication,
    normalize,
    screen,
)
from tests.screening.medication_names import NAMES, ORDINARY_WORDS, OTHER_MEDICATIONS


def generic(text):
    match = match_medication(text, CATALOGUE)
    return match.entry.generic_name if match else None


@pytest.mark.parametrize(("name", "entry"), NAMES, ids=[name for name, _ in NAMES])
def test_every_name_in_the_catalogue_matches_its_drug_in_any_case_with_a_dose(name, entry):
    for text in (name, name.upper(), name.lower(), f"{name} 10 mg twice daily", f"{name} .5mg PRN"):
        match = match_medication(text, CATALOGUE)
        assert match is not None, text
        assert match.entry.generic_name == entry.generic_name, text
        assert match.method in ("exact", "brand")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Xanax .5mg twice daily", "alprazolam"),
        ("Lamictal XR 200 mg", "lamotrigine"),
        ("oxycodone-acetaminophen 5/325", "oxycodone and acetaminophen"),
        ("Tylenol #3", "acetaminophen and codeine"),
        ("Tylenol No. 4 at bedtime", "acetaminophen and codeine"),
        ("Tylenol w/ codeine", "acetaminophen and codeine"),
        ("Klonopin 0.5mg at night", "clonazepam"),
        ("ATIVAN 1MG PRN", "lorazepam"),
        ("Xanax.5mg", "alprazolam"),
        ("xanax®", "alprazolam"),
        ("Lamictál", "lamotrigine"),
        ("MS Contin 30mg q12h", "morphine"),
        ("mscontin", "morphine"),
        ("Xtampza 9 mg", "oxycodone"),
        ("methylene blue", "methylene blue"),
        ("Emsam patch 6mg/24hr", "selegiline"),
        ("L-deprenyl", "selegiline"),
    ],
)
def test_it_sees_the_drug_through_doses_forms_and_punctuation(text, expected):
    assert generic(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Xanax .5mg twice daily", "xanax"),
        ("Lamictal XR 200 mg", "lamictal"),
        ("oxycodone-acetaminophen 5/325", "oxycodone acetaminophen"),
        ("Klonopin 0.5mg at night", "klonopin"),
        ("ATIVAN 1MG PRN", "ativan"),
        ("Tylenol #3", "tylenol"),
    ],
)
def test_normalize_keeps_only_the_words_that_could_name_a_drug(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("klonopine", "clonazepam"),
        ("clonopine", "clonazepam"),
        ("klonazepam", "clonazepam"),
        ("lamictle", "lamotrigine"),
        ("lamotrigene 400mg", "lamotrigine"),
        ("zanax", "alprazolam"),
        ("parnait", "tranylcypromine"),
        ("nardill", "phenelzine"),
        ("seligiline", "selegiline"),
        ("tranylcipromine", "tranylcypromine"),
        ("isocarboxizid", "isocarboxazid"),
        ("emsum", "selegiline"),
        ("methylene blu", "methylene blue"),
        ("percoset", "oxycodone and acetaminophen"),
        ("hydrocodon", "hydrocodone"),
        ("lorazapam", "lorazepam"),
        ("valum", "diazepam"),
        ("ativen 1 mg", "lorazepam"),
        ("suboxin film", "buprenorphine and naloxone"),
        ("dilauded", "hydromorphone"),
        ("ms contn", "morphine"),
    ],
)
def test_it_matches_misspellings(text, expected):
    match = match_medication(text, CATALOGUE)
    assert match is not None
    assert (match.entry.generic_name, match.method) == (expected, "fuzzy")


@pytest.mark.parametrize(
    ("text", "expected_class"),
    [
        ("Percocet", "opioid"),
        ("Percocet 10/325 every 6 hours", "opioid"),
        ("Vicodin 5/300", "opioid"),
        ("Norco 10-325", "opioid"),
        ("Vicoprofen", "opioid"),
        ("hydrocodone/ibuprofen 7.5/200", "opioid"),
        ("Librax", "benzodiazepine"),
        ("Uribel", "maoi"),
        ("Robitussin AC", "opioid"),
        ("promethazine w/ codeine", "opioid"),
    ],
)
def test_a_combination_product_is_filed_under_its_most_severe_part(text, expected_class):
    assert match_medication(text, CATALOGUE).entry.drug_class == expected_class


def test_a_name_of_several_words_is_misspelt_word_by_word():
    assert generic("methylene blu") == "methylene blue"
    assert generic("Tylenol w/ codine") == "acetaminophen and codeine"
    # Short words must be exact: Robitussin DM and acetaminophen-caffeine hold no codeine.
    assert generic("Robitussin DM") is None
    assert generic("Robitussin AC") == "guaifenesin and codeine"
    assert generic("acetaminophen/caffeine") is None
    assert generic("me contain") is None  # not MS Contin


def test_plain_tylenol_is_not_mistaken_for_tylenol_with_codeine():
    assert generic("Tylenol") is None
    assert generic("Tylenol 325mg") is None
    assert generic("Robitussin") is None


def test_a_line_naming_several_drugs_finds_them_all_and_returns_the_most_severe():
    found = match_all("Xanax, ibuprofen and Nardil", CATALOGUE)
    assert [m.entry.generic_name for m in found] == ["alprazolam", "ibuprofen", "phenelzine"]
    assert generic("Xanax, ibuprofen and Nardil") == "phenelzine"
    assert generic("ibuprofen + Klonopin") == "clonazepam"
    assert generic("Percocet and Xanax") == "oxycodone and acetaminophen"


def test_a_drug_named_twice_in_a_line_is_found_once():
    found = match_all("Lamictal (lamotrigine) 200mg", CATALOGUE)
    assert [m.entry.generic_name for m in found] == ["lamotrigine"]


def test_a_misspelt_mao_inhibitor_beats_a_correctly_spelt_benzodiazepine():
    assert generic("xanax and nardill") == "phenelzine"


@pytest.mark.parametrize(
    "text",
    [
        "vitamin d",
        "fish oil",
        "metformin",
        "lisinopril",
        "sertraline",
        "melatonin",
        "Zantac",
        "Zantac 150mg",
        "Narcan nasal spray",
        "",
        "   ",
        "n/a",
        "none",
        "500 mg twice daily",
    ],
)
def test_it_matches_nothing_that_is_not_in_the_catalogue(text):
    assert match_medication(text, CATALOGUE) is None


@pytest.mark.parametrize(
    ("text", "near"),
    [
        ("lithium", "Librium"),
        ("iodine", "Lodine"),
        ("cocaine", "codeine"),
        ("Remeron", "Demerol"),
        ("hormone", "Lorzone"),
        ("Ultra Omega-3", "Ultram"),
        ("Restore probiotic", "Restoril"),
        ("coral calcium", "Doral"),
    ],
)
def test_a_real_word_close_to_a_name_is_not_read_as_a_misspelling_of_it(text, near):
    assert generic(text) is None


def test_zantac_is_not_xanax_and_narcan_is_not_norco():
    assert generic("Zantac") is None
    assert generic("Xanax") == "alprazolam"
    assert generic("Narcan") is None
    assert generic("Norco") == "hydrocodone and acetaminophen"


def test_a_drug_that_needs_no_change_is_recognized_rather_than_unrecognized():
    match = match_medication("Advil 200mg as needed", CATALOGUE)
    assert (match.entry.drug_class, match.entry.severity) == ("nsaid", "none")
    assert match_medication("Flexeril 10mg at bedtime", CATALOGUE).entry.severity == "none"


def test_at_equal_distance_the_more_severe_drug_wins():
    # "zylox" is one letter from Zyvox (linezolid, an MAOI) and from Tylox (an opioid).
    assert edit_distance("zylox", "zyvox") == edit_distance("zylox", "tylox") == 1
    assert generic("zylox") == "linezolid"


def test_ties_between_made_up_drugs_go_to_the_more_severe():
    mild = CatalogueEntry("abcdefgh", (), "nsaid", "reduced_effectiveness")
    severe = CatalogueEntry("abcdefgk", (), "maoi", "absolute")
    for catalogue in ([mild, severe], [severe, mild]):
        assert match_medication("abcdefgx", catalogue).entry == severe


def test_screen_gives_one_result_per_line_in_order_with_none_where_nothing_matched():
    results = screen(["xanax .5mg", "fish oil", "nardil"], CATALOGUE)
    assert results == [
        {
            "input": "xanax .5mg",
            "generic": "alprazolam",
            "drug_class": "benzodiazepine",
            "severity": "reduced_effectiveness",
        },
        {"input": "fish oil", "generic": None, "drug_class": None, "severity": None},
        {
            "input": "nardil",
            "generic": "phenelzine",
            "drug_class": "maoi",
            "severity": "absolute",
        },
    ]


def test_an_empty_catalogue_matches_nothing():
    assert match_medication("xanax", []) is None


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("klonopin", "klonopin", 0),
        ("lamictal", "lamictla", 1),  # neighbours swapped
        ("nardil", "nardill", 1),
        ("xanax", "zanax", 1),
        ("parnate", "parnait", 2),
        ("zantac", "xanax", 3),
        ("", "abc", 3),
    ],
)
def test_edit_distance(a, b, distance):
    assert edit_distance(a, b) == distance
    assert edit_distance(b, a) == distance


def test_edit_distance_gives_up_past_the_limit():
    assert edit_distance("metformin", "methadone", limit=2) == 3


def test_allowed_distance_grows_with_the_name_and_shrinks_for_harmless_drugs():
    assert [allowed_distance(n) for n in (4, 5, 6, 7, 11, 12, 15)] == [0, 1, 1, 2, 2, 2, 3]
    assert allowed_distance(9, "none") == 1
    assert allowed_distance(5, "none") == 1


def test_no_ordinary_word_or_other_medication_matches_anything():
    matched = {w: generic(w) for w in [*ORDINARY_WORDS, *OTHER_MEDICATIONS] if generic(w)}
    assert matched == {}
