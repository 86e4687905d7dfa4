"""Medication matching, property-based: any dose, case, typo; nothing outside the catalogue."""

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from screening.catalogue import CATALOGUE
from screening.matching import NOT_TYPOS, match_medication
from tests.screening.medication_names import LONG_NAMES, NAMES, ORDINARY_WORDS, OTHER_MEDICATIONS

DOSES = st.one_of(
    st.integers(1, 1000).map(lambda n: f"{n}mg"),
    st.integers(1, 1000).map(lambda n: f"{n} mg"),
    st.sampled_from(["0.5mg", ".5 mg", "5/325", "10-325", "25 mcg/hr", "1 tab", "2 tablets"]),
)
FREQUENCIES = st.sampled_from(
    [
        "",
        "daily",
        "twice daily",
        "twice a day",
        "BID",
        "tid",
        "q6h prn",
        "every 8 hours as needed",
        "at night",
        "at bedtime",
        "in the morning",
        "as needed for pain",
        "as needed for anxiety",
        "once weekly",
        "3x/day",
        "PRN",
    ]
)
PREFIXES = st.sampled_from(["", "take", "taking", "rx:", "-", "1.", "I take", "currently on"])


@st.composite
def random_case(draw, text):
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(c.upper() if flip else c.lower() for c, flip in zip(text, flips, strict=True))


@settings(max_examples=300, deadline=None)
@given(
    pick=st.sampled_from(NAMES),
    prefix=PREFIXES,
    dose=st.one_of(st.just(""), DOSES),
    frequency=FREQUENCIES,
    data=st.data(),
)
def test_any_name_with_any_dose_and_frequency_in_any_case_matches_its_class(
    pick, prefix, dose, frequency, data
):
    name, entry = pick
    text = data.draw(random_case(f"{prefix} {name} {dose} {frequency}"))
    match = match_medication(text, CATALOGUE)
    assert match is not None, text
    assert match.entry.drug_class == entry.drug_class, text


@st.composite
def typos(draw):
    """A name of seven letters or more with one typing mistake after its first letter."""
    name, entry = draw(st.sampled_from(LONG_NAMES))
    word = name.lower()
    kind = draw(st.sampled_from(["insert", "delete", "substitute", "transpose"]))
    letter = draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
    if kind == "insert":
        i = draw(st.integers(1, len(word)))
        typo = word[:i] + letter + word[i:]
    elif kind == "delete":
        i = draw(st.integers(1, len(word) - 1))
        typo = word[:i] + word[i + 1 :]
    elif kind == "substitute":
        i = draw(st.integers(1, len(word) - 1))
        typo = word[:i] + letter + word[i + 1 :]
    else:
        i = draw(st.integers(1, len(word) - 2))
        typo = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return typo, entry


@settings(max_examples=500, deadline=None)
@given(typo=typos())
def test_one_typing_mistake_in_a_long_name_still_matches_its_class(typo):
    text, entry = typo
    # A few mistakes make an ordinary word ("astral" for Abstral), read as that word on purpose.
    assume(text not in NOT_TYPOS)
    match = match_medication(text, CATALOGUE)
    assert match is not None, text
    assert match.entry.drug_class == entry.drug_class, text


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from([*ORDINARY_WORDS, *OTHER_MEDICATIONS]), min_size=1, max_size=3),
    dose=st.one_of(st.just(""), DOSES),
    frequency=FREQUENCIES,
)
def test_ordinary_words_and_other_medications_never_match(words, dose, frequency):
    text = f"{' '.join(words)} {dose} {frequency}"
    assert match_medication(text, CATALOGUE) is None, text
