"""The drug catalogue a new install ships with, seeded into `Drug` by a data migration.

Clinicians edit the catalogue afterwards in the admin; this list only gives them a start.
Severities follow the clinics' screening rules (shared/DOMAIN.md):

- MAOIs are not compatible with ketamine: "absolute", and the database refuses anything else.
- Benzodiazepines, opioids and lamotrigine (at high doses) make ketamine less effective:
  "reduced_effectiveness".
- Anti-inflammatories and muscle relaxants need no change: "none". They are listed so that a
  patient's ibuprofen is recognised instead of being flagged as an unknown medication.

A combination product is its own entry, filed under the class of its most severe component
(Percocet, oxycodone with acetaminophen, is an opioid; Uribel, which holds methylene blue, is
an MAOI). Brand names include discontinued ones patients still remember (Tylox, Serax).
"""

from .matching import CatalogueEntry

ABSOLUTE = "absolute"
REDUCED = "reduced_effectiveness"
NONE = "none"


def _entries(drug_class, severity, drugs):
    return [
        CatalogueEntry(generic_name, tuple(brands), drug_class, severity)
        for generic_name, brands in drugs
    ]


MAOIS = [
    ("phenelzine", ["Nardil"]),
    ("tranylcypromine", ["Parnate"]),
    ("isocarboxazid", ["Marplan"]),
    ("selegiline", ["Emsam", "Eldepryl", "Zelapar", "Carbex", "Deprenyl"]),
    ("rasagiline", ["Azilect"]),
    ("safinamide", ["Xadago"]),
    ("linezolid", ["Zyvox"]),
    # Urinary antiseptics that contain methylene blue carry the same risk as the injection.
    ("methylene blue", ["ProvayBlue", "Urelle", "Uribel", "Uro-MP", "Urogesic Blue", "Ustell"]),
    ("procarbazine", ["Matulane"]),
]

BENZODIAZEPINES = [
    ("alprazolam", ["Xanax", "Xanax XR", "Niravam"]),
    ("clonazepam", ["Klonopin", "Klonopin Wafers"]),
    ("diazepam", ["Valium", "Diastat", "Diastat AcuDial", "Valtoco", "Libervant"]),
    ("lorazepam", ["Ativan", "Loreev XR"]),
    ("chlordiazepoxide", ["Librium"]),
    ("chlordiazepoxide and clidinium", ["Librax"]),
    ("chlordiazepoxide and amitriptyline", ["Limbitrol"]),
    ("clorazepate", ["Tranxene", "Tranxene T-Tab"]),
    ("oxazepam", ["Serax"]),
    ("temazepam", ["Restoril"]),
    ("triazolam", ["Halcion"]),
    ("estazolam", ["ProSom"]),
    ("flurazepam", ["Dalmane"]),
    ("quazepam", ["Doral"]),
    ("midazolam", ["Versed", "Nayzilam", "Seizalam"]),
    ("clobazam", ["Onfi", "Sympazan"]),
    ("remimazolam", ["Byfavo"]),
]

OPIOIDS = [
    ("oxycodone", ["OxyContin", "Roxicodone", "Xtampza ER", "Oxaydo", "RoxyBond", "OxyIR"]),
    (
        "oxycodone and acetaminophen",
        ["Percocet", "Endocet", "Roxicet", "Primlev", "Nalocet", "Xartemis XR", "Tylox"],
    ),
    ("oxycodone and aspirin", ["Percodan", "Endodan"]),
    ("hydrocodone", ["Hysingla ER", "Zohydro ER"]),
    (
        "hydrocodone and acetaminophen",
        ["Vicodin", "Norco", "Lortab", "Lorcet", "Xodol", "Verdrocet", "Hycet", "Zamicet"],
    ),
    ("hydrocodone and ibuprofen", ["Vicoprofen", "Reprexain", "Ibudone"]),
    ("hydrocodone and homatropine", ["Hycodan", "Hydromet", "Tussigon"]),
    ("hydrocodone and chlorpheniramine", ["Tussionex", "TussiCaps"]),
    ("benzhydrocodone and acetaminophen", ["Apadaz"]),
    (
        "morphine",
        [
            "MS Contin",
            "Kadian",
            "Avinza",
            "Arymo ER",
            "MorphaBond",
            "Roxanol",
            "Duramorph",
            "Infumorph",
            "Mitigo",
        ],
    ),
    ("hydromorphone", ["Dilaudid", "Exalgo"]),
    ("oxymorphone", ["Opana", "Opana ER"]),
    (
        "fentanyl",
        ["Duragesic", "Actiq", "Fentora", "Abstral", "Subsys", "Lazanda", "Onsolis", "Sublimaze"],
    ),
    ("sufentanil", ["Dsuvia"]),
    ("methadone", ["Dolophine", "Methadose"]),
    ("buprenorphine", ["Subutex", "Butrans", "Belbuca", "Sublocade", "Buprenex", "Brixadi"]),
    ("buprenorphine and naloxone", ["Suboxone", "Zubsolv", "Bunavail"]),
    ("codeine", []),
    (
        "acetaminophen and codeine",
        [
            "Tylenol with Codeine",
            "Tylenol #3",
            "Tylenol #4",
            "Tylenol No. 3",
            "Tylenol No. 4",
        ],
    ),
    ("guaifenesin and codeine", ["Cheratussin AC", "Robitussin AC", "Guiatuss AC"]),
    ("promethazine and codeine", ["Phenergan with Codeine"]),
    ("butalbital, acetaminophen, caffeine and codeine", ["Fioricet with Codeine"]),
    ("butalbital, aspirin, caffeine and codeine", ["Fiorinal with Codeine", "Ascomp with Codeine"]),
    ("carisoprodol, aspirin and codeine", ["Soma Compound with Codeine"]),
    ("dihydrocodeine", ["Trezix", "Synalgos-DC"]),
    ("tramadol", ["Ultram", "ConZip", "Qdolo"]),
    ("tramadol and acetaminophen", ["Ultracet"]),
    ("tramadol and celecoxib", ["Seglentis"]),
    ("tapentadol", ["Nucynta", "Nucynta ER"]),
    ("meperidine", ["Demerol"]),
    ("levorphanol", []),
    ("pentazocine", ["Talwin"]),
    ("pentazocine and naloxone", ["Talwin NX"]),
    ("butorphanol", ["Stadol"]),
    ("nalbuphine", ["Nubain"]),
    ("oliceridine", ["Olinvyk"]),
]

LAMOTRIGINE = [
    ("lamotrigine", ["Lamictal", "Lamictal XR", "Lamictal ODT", "Lamictal CD", "Subvenite"]),
]

NSAIDS = [
    ("ibuprofen", ["Advil", "Motrin"]),
    ("naproxen", ["Aleve", "Naprosyn", "Anaprox", "Naprelan"]),
    ("aspirin", ["Ecotrin", "Bufferin"]),
    ("celecoxib", ["Celebrex"]),
    ("meloxicam", ["Mobic"]),
    ("diclofenac", ["Voltaren", "Cataflam", "Zorvolex", "Cambia"]),
    ("ketorolac", ["Toradol", "Sprix"]),
    ("indomethacin", ["Indocin"]),
    ("etodolac", ["Lodine"]),
    ("nabumetone", ["Relafen"]),
]

MUSCLE_RELAXANTS = [
    ("cyclobenzaprine", ["Flexeril", "Amrix", "Fexmid"]),
    ("methocarbamol", ["Robaxin"]),
    ("tizanidine", ["Zanaflex"]),
    ("baclofen", ["Lioresal", "Ozobax", "Fleqsuvy", "Lyvispah", "Gablofen"]),
    ("carisoprodol", ["Soma"]),
    ("metaxalone", ["Skelaxin"]),
    ("orphenadrine", ["Norflex"]),
    ("chlorzoxazone", ["Parafon Forte", "Lorzone"]),
    ("dantrolene", ["Dantrium"]),
]

CATALOGUE: tuple[CatalogueEntry, ...] = (
    *_entries("maoi", ABSOLUTE, MAOIS),
    *_entries("benzodiazepine", REDUCED, BENZODIAZEPINES),
    *_entries("opioid", REDUCED, OPIOIDS),
    *_entries("lamotrigine", REDUCED, LAMOTRIGINE),
    *_entries("nsaid", NONE, NSAIDS),
    *_entries("muscle_relaxant", NONE, MUSCLE_RELAXANTS),
)

# What a clinician should know beyond the severity, by generic name.
NOTES = {
    "lamotrigine": (
        "Reduces ketamine's effect at high doses only; the clinician judges the patient's dose."
    ),
    "methylene blue": (
        "Also in urinary antiseptics (Uribel, Urelle, Uro-MP, Urogesic Blue, Ustell) that "
        "patients may not think of as medication."
    ),
    "selegiline": "Includes the Emsam skin patch, which patients may not list as a pill.",
    "linezolid": "An antibiotic that is also an MAOI; usually a short course.",
    "procarbazine": "A chemotherapy drug that is also an MAOI.",
}
