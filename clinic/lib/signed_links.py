"""Links that act on one record without a login, such as 'cancel my consultation'.

The token carries only the record's id, signed with the site's secret and a purpose, so a
link for one purpose never works for another and a guessed id is refused. Links carry no
name or e-mail: they end up in browser histories and mail logs.
"""

from django.core import signing


def make_token(purpose: str, pk: int) -> str:
    return signing.dumps(pk, salt=f"clinic.signed-link.{purpose}")


def read_token(purpose: str, token: str, *, max_age=None) -> int | None:
    """The id the token was made for, or None if it is forged, altered or too old."""
    try:
        value = signing.loads(token, salt=f"clinic.signed-link.{purpose}", max_age=max_age)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
