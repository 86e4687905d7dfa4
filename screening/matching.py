"""Medication matching: what a patient typed, against the drug catalogue. Pure functions over
plain data, no database and no request.

Patients type what they know: a brand or a generic name, in any case, with the dose and how
often ("Xanax .5mg twice daily"), a combination product ("Percocet"), or a misspelling
("klonopine"). A line that matches nothing is not dropped: the caller flags it as an
unrecognized medication for the clinician. So the matcher's worst mistakes are a missed MAOI
and a line matched to a harmless drug it does not name; over-matching an ordinary word to a
risky drug costs a clinician a look.

How a line is read (`match_all`):

1. Lowercase it and split it into words and numbers ("Xanax.5mg" -> xanax 5 mg). Joining
   words (and, with, w/) are dropped from the line and from the catalogue's names alike, so
   "Tylenol w/ codeine" reads as "Tylenol with Codeine".
2. Exact: find every catalogue name, generic or brand, as whole words anywhere in the line,
   the longest first ("Tylenol #3" rather than nothing, "oxycodone-acetaminophen" rather than
   "oxycodone"). A name of several words also matches written as one ("mscontin"), and a
   brand with a formulation suffix also matches without it ("Xtampza" for "Xtampza ER").
3. Fuzzy: every word left that could be a misspelt name (letters only, four or more of them,
   not a unit, form or frequency, not an ordinary word known to sit near a name) is compared
   with every name by Damerau-Levenshtein distance, within an allowance that grows with the
   name's length (`allowed_distance`). Runs of words are compared with names of as many words.
4. The closest name wins; at equal distance, the more severe drug, for safety.

`match_medication` returns the most severe drug in the line ("Percocet and Xanax" names two).
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

# Most severe first; the rank decides between drugs found in one line.
SEVERITY_RANK = {"absolute": 2, "reduced_effectiveness": 1, "none": 0}
METHODS = ("exact", "brand", "fuzzy")


@dataclass(frozen=True)
class CatalogueEntry:
    generic_name: str
    brand_names: tuple[str, ...]
    drug_class: str
    severity: str


@dataclass(frozen=True)
class Match:
    entry: CatalogueEntry
    method: str  # "exact" (the generic name), "brand" or "fuzzy"
    term: str  # the catalogue's name that matched, as the catalogue spells it
    found: str  # the words of the line that matched it
    distance: int = 0


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that join the parts of a combination product's name.
JOINING_WORDS = frozenset({"and", "with", "w", "plus"})

# Formulation suffixes: "Xtampza ER" is also found as "Xtampza".
FORMULATIONS = frozenset(
    {"er", "xr", "sr", "cr", "dr", "xl", "la", "ir", "ec", "odt", "cd", "wafers"}
)

# Doses, units, forms, routes and frequencies: never part of a drug's name on their own.
DOSE_WORDS = FORMULATIONS | _words(
    """
    mg mgs mcg mcgs ug g gm gram grams milligram milligrams microgram micrograms kg ml mls
    milliliter milliliters l cc iu unit units meq mmol percent pct hr hrs hour hours h min
    mins minute minutes
    tab tabs tablet tablets cap caps capsule capsules pill pills patch patches film films
    strip strips spray sprays nasal drop drops solution soln liquid syrup suspension susp
    elixir concentrate cream gel ointment lozenge injection injectable inj iv im sc subq sq
    oral topical transdermal sublingual sl buccal chewable extended release delayed
    immediate regular generic brand dose doses dosage strength half whole quarter
    once twice thrice daily day days a an per every each other times time x bid tid qid qd
    qod qam qpm qhs hs prn q am pm morning mornings noon afternoon evening evenings night
    nights nightly bedtime week weeks weekly month months monthly hourly as needed need
    when required before after meals meal food at in on by mouth po take takes taking took
    use used using one two three four five six
    """
)

# Ordinary words and other drugs within a name's allowance: they are what they say, not typos.
# Found by comparing every name of the seed catalogue with an English word list and a list of
# common medications (names a clinician adds later are not covered). Words that are more
# likely a misspelt drug than anything else ("methadon", "halcyon", "aspirins") were left out.
NOT_TYPOS = DOSE_WORDS | _words(
    """
    abstract albion alive amanda anvil approx artemis aspirant aspire aspired aspires astral
    astray atrium azana azania betrays brigade buffer buffered buffers buffeting burns
    butane buttons carnage catalan celebes cobain cocaine codding coding combine confine
    consoles coral corine corrine cosine dalian damage deafen demerit detrol distant dolphin
    dolphins dora dorsal elderly endowed exocet falcon fedora femora forgone gambia haldane
    halon harlan helicon hellion hormone hydrogen hydrometer indochina inducing insoles
    iodine karate labium lenora liberian liberians libra libras lithium loraine lorene
    luanda magnate marian marilyn marinate marla marlin marlon marple martian maryland
    mentor mentors methane mobil moraine moral morin morpheme narrate ornate outran outrank
    outranks outruns ozone paginate palate palpate parade partake pinnate pirate prate prime
    primed primer primes primly primmer primped provable relabel related relates relaxed
    relaxes relayed remeron restore restored restorer restores restoring retaken robbin
    robin romano romanov roxanne roxie segments sera solis spirit sprig sublimated
    sublimates sublime suffering tampa tantrum toreador tornado tornados trans tulane ultra
    ultras uriel variate verged verse verses violin voltage voltages voltaire zambia
    """
)


def allowed_distance(length: int, severity: str | None = None) -> int:
    """How many edits a misspelling of a name of `length` letters may have.

    Names of four letters or fewer match exactly only: too many ordinary words are one edit
    from them. From twelve letters on, one edit in five letters. A drug that needs no change
    allows one edit fewer (never fewer than one): matching an unknown medication to it would
    tell the clinician there is nothing to look at.
    """
    if length <= 4:
        return 0
    if length <= 6:
        allowed = 1
    elif length <= 11:
        allowed = 2
    else:
        allowed = length // 5
    if severity == "none":
        allowed = max(1, allowed - 1)
    return allowed


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Damerau-Levenshtein distance (optimal string alignment): each insertion, deletion,
    substitution or swap of two neighbouring letters costs one. Past `limit` the answer is
    only known to be more than `limit`."""
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    before, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before[j - 2] + 1)
        if limit is not None and min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


def tokens(text: str) -> list[str]:
    """The words and numbers of a line, lowercase, joining words left out."""
    # Accents go ("Lamictál" is Lamictal); so do marks such as ® that are not letters.
    text = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).lower()
    return [t for t in re.findall(r"[a-z]+|[0-9]+", text) if t not in JOINING_WORDS]


def normalize(text: str) -> str:
    """The words of a line that could name a drug: doses, units, forms and frequencies gone.
    For people reading; matching itself keeps the numbers ("Tylenol #3")."""
    return " ".join(t for t in tokens(text) if t.isalpha() and t not in DOSE_WORDS)


@dataclass(frozen=True)
class _Name:
    entry: CatalogueEntry
    method: str
    term: str

    @property
    def severity_rank(self) -> int:
        return SEVERITY_RANK.get(self.entry.severity, 0)


@dataclass(frozen=True)
class _Index:
    exact: dict[tuple[str, ...], tuple[_Name, ...]]
    longest: int
    # The spellings misspellings are compared with, by number of words.
    fuzzy: dict[int, tuple[tuple[tuple[str, ...], _Name], ...]]


@lru_cache(maxsize=8)
def _index(catalogue: tuple[CatalogueEntry, ...]) -> _Index:
    exact: dict[tuple[str, ...], list[_Name]] = {}
    fuzzy: dict[int, list[tuple[tuple[str, ...], _Name]]] = {}
    for entry in catalogue:
        terms = [(entry.generic_name, "exact")] + [(b, "brand") for b in entry.brand_names]
        for term, method in terms:
            name = _Name(entry, method, term)
            words = tuple(tokens(term))
            bare = words
            while len(bare) > 1 and bare[-1] in FORMULATIONS:
                bare = bare[:-1]
            spellings = {words, bare}
            if len(words) > 1 and all(w.isalpha() for w in words):
                spellings.add(("".join(words),))
            for spelling in spellings - {()}:
                if name not in exact.setdefault(spelling, []):
                    exact[spelling].append(name)
            for spelling in {words, bare} - {()}:
                if all(w.isalpha() for w in spelling):
                    fuzzy.setdefault(len(spelling), []).append((spelling, name))
    return _Index(
        exact={words: tuple(names) for words, names in exact.items()},
        longest=max((len(words) for words in exact), default=0),
        fuzzy={size: tuple(dict.fromkeys(pairs)) for size, pairs in fuzzy.items()},
    )


def _could_be_a_name(word: str) -> bool:
    return word.isalpha() and len(word) >= 4 and word not in NOT_TYPOS


def _could_be_part_of_a_name(word: str) -> bool:
    return word.isalpha() and len(word) >= 2 and word not in NOT_TYPOS


def _distance(run: Sequence[str], spelling: tuple[str, ...], severity: str) -> int | None:
    """How far a run of words is from a name of as many words, or None if too far.

    Word by word, each within its own allowance (a word of one or two letters, like the "ms"
    of MS Contin, exactly), and all together within the whole name's. Otherwise a name such
    as "Robitussin AC" would reach "Robitussin" followed by any short word.
    """
    if len(spelling) == 1:
        limit = allowed_distance(len(spelling[0]), severity)
        distance = edit_distance(run[0], spelling[0], limit) if limit else limit + 1
        return distance if distance <= limit else None
    total = 0
    for word, part in zip(run, spelling, strict=True):
        limit = 0 if len(part) <= 2 else max(1, allowed_distance(len(part), severity))
        distance = edit_distance(word, part, limit)
        if distance > limit:
            return None
        total += distance
    return total if total <= allowed_distance(len("".join(spelling)), severity) else None


def _closest(run: Sequence[str], names: Iterable[tuple[tuple[str, ...], _Name]]):
    """The name a run of words may be a misspelling of: the closest within its allowance; at
    equal distance the more severe drug, for safety, then a generic name before a brand."""
    best, best_key = None, None
    for spelling, name in names:
        distance = _distance(run, spelling, name.entry.severity)
        if distance is None:
            continue
        key = (distance, -name.severity_rank, METHODS.index(name.method), name.term)
        if best_key is None or key < best_key:
            best, best_key = (distance, name), key
    return best


def match_all(text: str, catalogue: Sequence[CatalogueEntry]) -> list[Match]:
    """Every catalogue drug named in a line, in the order they appear, each once."""
    index = _index(tuple(catalogue))
    words = tokens(text)
    taken = [False] * len(words)
    found: list[tuple[int, Match]] = []

    # Exact names, longest first at each position.
    i = 0
    while i < len(words):
        for size in range(min(index.longest, len(words) - i), 0, -1):
            names = index.exact.get(tuple(words[i : i + size]))
            if names:
                for name in names:
                    phrase = " ".join(words[i : i + size])
                    found.append((i, Match(name.entry, name.method, name.term, phrase)))
                taken[i : i + size] = [True] * size
                i += size
                break
        else:
            i += 1

    # Misspellings, in runs of as many words as a name has, longest names first.
    for size in sorted(index.fuzzy, reverse=True):
        for i in range(len(words) - size + 1):
            run = words[i : i + size]
            if any(taken[i : i + size]):
                continue
            if size == 1 and not _could_be_a_name(run[0]):
                continue
            if size > 1 and not (
                all(_could_be_part_of_a_name(w) for w in run) and any(map(_could_be_a_name, run))
            ):
                continue
            closest = _closest(run, index.fuzzy[size])
            if closest:
                distance, name = closest
                method = "fuzzy" if distance else name.method
                found.append((i, Match(name.entry, method, name.term, " ".join(run), distance)))
                taken[i : i + size] = [True] * size

    matches, seen = [], set()
    for _, match in sorted(found, key=lambda pair: pair[0]):
        if match.entry not in seen:
            seen.add(match.entry)
            matches.append(match)
    return matches


def match_medication(text: str, catalogue: Sequence[CatalogueEntry]) -> Match | None:
    """The most severe drug named in a line, or None: an unrecognized medication.

    Between drugs of equal severity, an exact name before a misspelling, then the first.
    """
    matches = match_all(text, catalogue)
    if not matches:
        return None
    return min(
        matches,
        key=lambda m: (-SEVERITY_RANK.get(m.entry.severity, 0), m.method == "fuzzy"),
    )


def screen(lines: Iterable[str], catalogue: Sequence[CatalogueEntry]) -> list[dict]:
    """One result per line, in order: the drug matched, or None in each field if none was."""
    results = []
    for line in lines:
        match = match_medication(line, catalogue)
        entry = match.entry if match else None
        results.append(
            {
                "input": line,
                "generic": entry.generic_name if entry else None,
                "drug_class": entry.drug_class if entry else None,
                "severity": entry.severity if entry else None,
            }
        )
    return results
