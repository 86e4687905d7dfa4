"""What a search looks for, and whether a text holds it: the one rule behind the FAQ search on
every database. Pure functions over strings: no ORM, no request.

1. A query or a text is cut into words: runs of letters and digits, lower-cased. Everything
   else (punctuation, quotes, operators, NUL) only separates words.
2. Stop words ("can", "I", "the", ...) are dropped, from PostgreSQL's English list, so both
   databases ignore the same words.
3. Each word becomes its Snowball English stem: "driving" -> "drive", "insurance" -> "insur".
4. A query stem of PREFIX_LETTERS letters or more matches every text stem that starts with its
   first PREFIX_LETTERS letters; a shorter one matches only itself. Stemming alone keeps
   "driver" apart from "drive" (Snowball leaves -er alone), and five letters is where
   driver, driving, drive and driven meet while "car" still does not find "care".
5. A text matches when every query term matches at least one of its stems.

On PostgreSQL the selector sends the same terms as a tsquery of lexemes, prefix-matched
(`drive:*`) when they are PREFIX_LETTERS long, against PostgreSQL's own English stemming of the
text: the same Snowball algorithm and stop words, so a query finds the same entries on both.
"""

import re

import snowballstemmer

PREFIX_LETTERS = 5

# PostgreSQL's tsearch_data/english.stop, which its "english" configuration drops.
_ENGLISH_STOP_WORDS = """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom
    this that these those am is are was were be been being have has had having do does did
    doing a an the and but if or because as until while of at by for with about against between
    into through during before after above below to from up down in out on off over under again
    further then once here there when where why how all any both each few more most other some
    such no nor not only own same so than too very s t can will just don should now
    """
STOP_WORDS = frozenset(_ENGLISH_STOP_WORDS.split())

# PostgreSQL leaves out of a tsvector any word longer than this (in bytes); so does this module.
LONGEST_WORD_BYTES = 2047

_WORD = re.compile(r"[^\W_]+")


def _stems(text: str) -> list[str]:
    words = [
        word
        for word in _WORD.findall(text.lower())
        if word not in STOP_WORDS and len(word.encode()) <= LONGEST_WORD_BYTES
    ]
    # A new stemmer each time: a Snowball stemmer keeps its working state on the object, so one
    # shared between threads could mix two words.
    return snowballstemmer.stemmer("english").stemWords(words)


def search_terms(query: str) -> tuple[str, ...]:
    """The terms a query looks for, in the order typed, without repeats. A term of
    PREFIX_LETTERS letters is a prefix; a shorter one a whole stem. No term for a query with only
    stop words or punctuation."""
    return tuple(dict.fromkeys(stem[:PREFIX_LETTERS] for stem in _stems(query)))


def is_prefix(term: str) -> bool:
    return len(term) >= PREFIX_LETTERS


def text_matches(terms: tuple[str, ...], text: str) -> bool:
    """Whether every term meets a stem of the text (see the module's rule)."""
    stems = set(_stems(text))
    return all(
        any(stem.startswith(term) for stem in stems) if is_prefix(term) else term in stems
        for term in terms
    )
