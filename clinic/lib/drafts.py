"""Keeping what a patient typed when their session ends before they press save.

A form carries a signed note of whose it is (`draft_owner_token`). A POST that arrives
without a session is kept in the new, anonymous session with that note; after the person
logs in again, the form opens with their typing in place, for them and nobody else.
"""

from django.http import QueryDict

from .signed_links import make_token, read_token

OWNER_FIELD = "draft_owner"
_SESSION_KEY = "form_draft"


def draft_owner_token(user) -> str:
    return make_token("draft-owner", user.pk)


def draft_stash(request, form_key: str) -> None:
    owner = read_token("draft-owner", request.POST.get(OWNER_FIELD, ""))
    if owner is None:
        return
    data = {k: request.POST.getlist(k) for k in request.POST if k != "csrfmiddlewaretoken"}
    request.session[_SESSION_KEY] = {"form": form_key, "owner": owner, "data": data}


def draft_take(request, form_key: str) -> QueryDict | None:
    draft = request.session.get(_SESSION_KEY)
    if not draft or draft["form"] != form_key:
        return None
    del request.session[_SESSION_KEY]
    if draft["owner"] != request.user.pk:
        return None  # someone else's typing on a shared computer: never shown
    data = QueryDict(mutable=True)
    for key, values in draft["data"].items():
        data.setlist(key, values)
    return data
