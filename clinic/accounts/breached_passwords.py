"""Refusing passwords that leaked in data breaches, checked offline.

The list is zxcvbn's "passwords": the 30,000 most common passwords of Xato's corpus of ten
million leaked in breaches, shipped with the package, so nothing about a password leaves the
server. Attackers try such passwords, and their look-alikes, first: a password is refused
when it is on the list as typed, in any case, backwards, or spelled with the usual symbol
swaps (p@$$w0rd). Django's own list of 20,000 (CommonPasswordValidator's) is checked the same
way.
"""

from functools import cache

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from zxcvbn.frequency_lists import FREQUENCY_LISTS
from zxcvbn.matching import L33T_TABLE, enumerate_l33t_subs, relevant_l33t_subtable, translate


@cache
def _leaked() -> frozenset[str]:
    return frozenset(FREQUENCY_LISTS["passwords"]) | CommonPasswordValidator().passwords


@cache
def _longest() -> int:
    return max(map(len, _leaked()))


def _spellings(password: str):
    lowered = password.lower()
    yield lowered
    yield lowered[::-1]
    for swaps in enumerate_l33t_subs(relevant_l33t_subtable(lowered, L33T_TABLE)):
        if swaps:
            unswapped = translate(lowered, swaps)
            yield unswapped
            yield unswapped[::-1]


def is_leaked(password: str) -> bool:
    if len(password) > _longest():
        return False  # nothing on the list is that long (and a long input costs nothing)
    return any(spelling in _leaked() for spelling in _spellings(password))


class BreachedPasswordValidator:
    def validate(self, password, user=None):
        if is_leaked(password):
            raise ValidationError(
                "This password is on lists of passwords leaked in data breaches, which "
                "attackers try first. Please choose another.",
                code="password_leaked",
            )

    def get_help_text(self):
        return "It can't be one that has leaked in a data breach."
