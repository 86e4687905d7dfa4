"""The seed catalogue: what it covers, and that the data migration put all of it in the database."""

import pytest
from django.db import IntegrityError, transaction

from screening.catalogue import CATALOGUE
from screening.matching import SEVERITY_RANK, match_medication, tokens
from screening.models import Drug

REQUIRED_GENERICS = {
    "maoi": [
        "phenelzine",
        "tranylcypromine",
        "isocarboxazid",
        "selegiline",
        "rasagiline",
        "safinamide",
        "linezolid",
        "methylene blue",
        "procarbazine",
    ],
    "benzodiazepine": [
        "alprazolam",
        "clonazepam",
        "diazepam",
        "lorazepam",
        "chlordiazepoxide",
        "clorazepate",
        "oxazepam",
        "temazepam",
        "triazolam",
        "estazolam",
        "flurazepam",
        "quazepam",
        "midazolam",
        "clobazam",
        "remimazolam",
    ],
    "opioid": [
        "oxycodone",
        "oxycodone and acetaminophen",
        "hydrocodone",
        "hydrocodone and acetaminophen",
        "morphine",
        "hydromorphone",
        "oxymorphone",
        "fentanyl",
        "methadone",
        "buprenorphine",
        "buprenorphine and naloxone",
        "codeine",
        "acetaminophen and codeine",
        "tramadol",
        "tramadol and acetaminophen",
        "tapentadol",
        "meperidine",
        "levorphanol",
        "pentazocine",
        "butorphanol",
    ],
    "lamotrigine": ["lamotrigine"],
    "nsaid": ["ibuprofen", "naproxen"],
    "muscle_relaxant": ["cyclobenzaprine", "methocarbamol", "tizanidine"],
}

REQUIRED_BRANDS = {
    "phenelzine": ["Nardil"],
    "tranylcypromine": ["Parnate"],
    "isocarboxazid": ["Marplan"],
    "selegiline": ["Emsam", "Eldepryl", "Zelapar"],
    "rasagiline": ["Azilect"],
    "safinamide": ["Xadago"],
    "linezolid": ["Zyvox"],
    "methylene blue": ["ProvayBlue"],
    "procarbazine": ["Matulane"],
    "alprazolam": ["Xanax", "Niravam"],
    "clonazepam": ["Klonopin"],
    "diazepam": ["Valium"],
    "lorazepam": ["Ativan"],
    "chlordiazepoxide": ["Librium"],
    "chlordiazepoxide and clidinium": ["Librax"],
    "clorazepate": ["Tranxene"],
    "temazepam": ["Restoril"],
    "triazolam": ["Halcion"],
    "quazepam": ["Doral"],
    "clobazam": ["Onfi", "Sympazan"],
    "oxycodone": ["OxyContin", "Roxicodone", "Xtampza ER"],
    "oxycodone and acetaminophen": ["Percocet", "Endocet", "Roxicet"],
    "hydrocodone": ["Hysingla ER", "Zohydro ER"],
    "hydrocodone and acetaminophen": ["Vicodin", "Norco", "Lortab"],
    "morphine": ["MS Contin", "Kadian"],
    "hydromorphone": ["Dilaudid"],
    "oxymorphone": ["Opana"],
    "fentanyl": ["Duragesic", "Actiq"],
    "methadone": ["Dolophine", "Methadose"],
    "buprenorphine": ["Subutex", "Butrans", "Belbuca", "Sublocade"],
    "buprenorphine and naloxone": ["Suboxone", "Zubsolv"],
    "acetaminophen and codeine": ["Tylenol #3", "Tylenol with Codeine"],
    "tramadol": ["Ultram"],
    "tramadol and acetaminophen": ["Ultracet"],
    "tapentadol": ["Nucynta"],
    "meperidine": ["Demerol"],
    "lamotrigine": ["Lamictal", "Lamictal XR", "Lamictal ODT", "Lamictal CD", "Subvenite"],
    "ibuprofen": ["Advil", "Motrin"],
    "naproxen": ["Aleve"],
    "cyclobenzaprine": ["Flexeril"],
    "methocarbamol": ["Robaxin"],
    "tizanidine": ["Zanaflex"],
}

SEVERITY_OF_CLASS = {
    "maoi": "absolute",
    "benzodiazepine": "reduced_effectiveness",
    "opioid": "reduced_effectiveness",
    "lamotrigine": "reduced_effectiveness",
    "nsaid": "none",
    "muscle_relaxant": "none",
}

BY_GENERIC = {entry.generic_name: entry for entry in CATALOGUE}


# The seed data itself.


@pytest.mark.parametrize("drug_class", REQUIRED_GENERICS)
def test_it_covers_every_required_drug_of_each_class(drug_class):
    for generic in REQUIRED_GENERICS[drug_class]:
        assert BY_GENERIC[generic].drug_class == drug_class


@pytest.mark.parametrize("generic", REQUIRED_BRANDS)
def test_it_knows_the_brands_patients_use_and_they_match(generic):
    for brand in REQUIRED_BRANDS[generic]:
        assert brand in BY_GENERIC[generic].brand_names
        assert match_medication(brand, CATALOGUE).entry.generic_name == generic


def test_every_mao_inhibitor_is_absolute():
    maois = [entry for entry in CATALOGUE if entry.drug_class == "maoi"]
    assert len(maois) >= 9
    assert {entry.severity for entry in maois} == {"absolute"}


def test_each_class_has_the_severity_of_the_screening_rules():
    for entry in CATALOGUE:
        assert entry.severity == SEVERITY_OF_CLASS[entry.drug_class], entry.generic_name


def test_classes_and_severities_are_those_the_model_accepts():
    assert set(SEVERITY_OF_CLASS) == set(Drug.DrugClass.values)
    assert set(SEVERITY_RANK) == set(Drug.Severity.values)


def test_no_name_belongs_to_two_drugs():
    owner = {}
    for entry in CATALOGUE:
        for name in (entry.generic_name, *entry.brand_names):
            key = tuple(tokens(name))
            assert owner.setdefault(key, entry.generic_name) == entry.generic_name, name


def test_generic_names_are_unique_and_lowercase():
    names = [entry.generic_name for entry in CATALOGUE]
    assert len(names) == len(set(names))
    assert all(name == name.lower() for name in names)


# The database, as the migrations left it.


def test_the_data_migration_seeded_every_entry(db):
    assert Drug.objects.count() == len(CATALOGUE)
    for entry in CATALOGUE:
        drug = Drug.objects.get(generic_name=entry.generic_name)
        assert drug.as_entry() == entry
        assert drug.is_active


def test_the_seeded_catalogue_counts_by_class(db):
    counts = {c: Drug.objects.filter(drug_class=c).count() for c in Drug.DrugClass.values}
    assert counts["maoi"] >= 9
    assert counts["benzodiazepine"] >= 15
    assert counts["opioid"] >= 20
    assert counts["lamotrigine"] >= 1
    assert counts["nsaid"] >= 2
    assert counts["muscle_relaxant"] >= 3
    assert not Drug.objects.filter(drug_class="maoi").exclude(severity="absolute").exists()


def test_the_active_catalogue_is_what_the_matcher_gets(db):
    assert set(Drug.objects.active().as_catalogue()) == set(CATALOGUE)


def test_seeded_drugs_have_their_first_history_entry(db):
    drug = Drug.objects.get(generic_name="phenelzine")
    [record] = drug.history.all()
    assert record.history_type == "+"
    assert record.history_change_reason == "Shipped with the portal"
    assert record.brand_names == ["Nardil"]


def test_seeded_notes_tell_the_clinician_about_the_dose_of_lamotrigine(db):
    assert "high doses" in Drug.objects.get(generic_name="lamotrigine").notes


def test_the_database_refuses_to_downgrade_an_mao_inhibitor(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Drug.objects.filter(generic_name="phenelzine").update(severity="reduced_effectiveness")
    assert Drug.objects.get(generic_name="phenelzine").severity == "absolute"


def test_the_database_refuses_an_unknown_severity(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Drug.objects.create(generic_name="placebo", drug_class="nsaid", severity="mild")
