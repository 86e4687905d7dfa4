"""Whose name signs: the typed name against the legal name, in any case and spacing."""

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from patients.consent.document import names_match
from tests.patients.consent.signing.helpers import LEGAL_NAME

pytestmark = pytest.mark.django_db


NAME_LETTERS = string.ascii_letters + "àáâäçèéêëíîïñóôöøúüýÿßÀÁÂÄÇÈÉÊËÍÎÏÑÓÔÖØÚÜÝ'-"
NAME_WORDS = st.text(alphabet=NAME_LETTERS, min_size=1, max_size=12)
LEGAL_NAMES = st.lists(NAME_WORDS, min_size=1, max_size=4)
GAPS = st.text(alphabet=" \t\u00a0", min_size=1, max_size=3)


@given(words=LEGAL_NAMES, data=st.data())
def test_the_legal_name_matches_in_any_case_and_with_any_spacing(words, data):
    recased = [
        "".join(data.draw(st.sampled_from([c.lower(), c.upper()])) for c in word) for word in words
    ]
    typed = data.draw(st.text(alphabet=" \t", max_size=3))
    for word in recased:
        typed += word + data.draw(GAPS)

    assert names_match(typed, " ".join(words))


@given(words=LEGAL_NAMES, letter=st.sampled_from(string.ascii_letters), data=st.data())
def test_the_legal_name_with_a_letter_more_does_not_match(words, letter, data):
    legal = " ".join(words)
    at = data.draw(st.integers(min_value=0, max_value=len(legal)))

    assert not names_match(legal[:at] + letter + legal[at:], legal)


@given(words=st.lists(NAME_WORDS, min_size=2, max_size=4), data=st.data())
def test_the_legal_name_with_a_word_left_out_does_not_match(words, data):
    left_out = data.draw(st.integers(min_value=0, max_value=len(words) - 1))
    typed = " ".join(w for i, w in enumerate(words) if i != left_out)

    assert not names_match(typed, " ".join(words))


@pytest.mark.parametrize(
    "typed", ["Jamie Riviera", "Rivera Jamie", "Jamie", "Jamie R.", "JamieRivera", "", "   "]
)
def test_another_name_does_not_match(typed):
    assert not names_match(typed, LEGAL_NAME)


@given(typed=st.text(max_size=30), legal=st.text(alphabet=" \t\n\u00a0", max_size=5))
def test_an_empty_legal_name_never_matches(typed, legal):
    assert not names_match(typed, legal)
