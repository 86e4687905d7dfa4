"""Writes for the consent editor: clinic admins make a new version of the informed consent.

A published version never changes, because every signature points at the version signed.
Admins edit one draft at a time, copied from the current version, and publish it as either a
new major version (every patient signs again before their next infusion) or a minor
correction (signatures stay valid). The rules at the top are pure (plain data in, messages
out) so the forms show the same messages beside the fields.

A draft needs a (major, minor) pair while unpublished, and the pair is unique: drafts take
major 0, which no published version ever has (the first is 1.0 and numbers only grow), so a
draft can never collide with a published version. Publishing gives the draft its number.
"""

from collections.abc import Collection, Iterable, Mapping, Sequence

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from ...models import ConsentDocument
from .. import default

DRAFT_MAJOR = 0
KEY_MAX_LENGTH = 60

PUBLISHED_NEVER_CHANGES = (
    "Version {label} is published and never changes. Start a new version to make changes."
)
TITLE_NEEDED = "Write the title patients read at the top of the consent."
HEADING_NEEDED = "Write the heading of this section."
BODY_NEEDED = "Write the text of this section."
HEADING_WITHOUT_KEY = (
    "Use letters or digits in the heading: the section's key, which patients acknowledge, is "
    "made from it."
)
DUPLICATE_KEY = (
    "Section {other} has the same key “{key}”: patients acknowledge each section by its key, "
    "so give this one a different heading."
)
NO_SECTIONS = "The consent has no sections: patients would have nothing to acknowledge."
CHANGE_NOTE_NEEDED = (
    "Say what changed from the previous version, and why: staff reading an old signature "
    "rely on it."
)
FIRST_IS_MAJOR = "No version is published yet, so the first one is a major version."


# Rules ------------------------------------------------------------------------------------


def section_key(heading: str) -> str:
    """The key a new section takes from its heading: "Side effects" -> "side_effects"."""
    return slugify(heading).replace("-", "_")[:KEY_MAX_LENGTH].strip("_")


def _text(value: str | None) -> str:
    # Browsers post textareas with CRLF; the stored Markdown uses plain newlines.
    return (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def sections_keyed(
    sections: Iterable[Mapping[str, str]], *, stable_keys: Collection[str]
) -> list[dict[str, str]]:
    """The sections as stored, in the order given.

    A key patients have already acknowledged (one of `stable_keys`, the current version's) is
    kept whatever the new wording, so rewording a section never makes it a new one. Any other
    section is new in this draft: its key follows its heading until the draft is published.
    """
    keyed = []
    for section in sections:
        heading = " ".join((section.get("heading") or "").split())
        key = section.get("key") or ""
        keyed.append(
            {
                "key": key if key in stable_keys else section_key(heading),
                "heading": heading,
                "body": _text(section.get("body")),
            }
        )
    return keyed


def section_problems(sections: Sequence[Mapping[str, str]]) -> dict[int, dict[str, str]]:
    """What is wrong with each section, by position in the list and field name."""
    problems: dict[int, dict[str, str]] = {}
    first_with_key: dict[str, int] = {}
    for index, section in enumerate(sections):
        found = {}
        key = section.get("key") or ""
        if not (section.get("heading") or "").strip():
            found["heading"] = HEADING_NEEDED
        elif not key:
            found["heading"] = HEADING_WITHOUT_KEY
        elif key in first_with_key:
            found["heading"] = DUPLICATE_KEY.format(other=first_with_key[key] + 1, key=key)
        if key:
            first_with_key.setdefault(key, index)
        if not (section.get("body") or "").strip():
            found["body"] = BODY_NEEDED
        if found:
            problems[index] = found
    return problems


def consent_problems(sections: Sequence[Mapping[str, str]]) -> list[str]:
    """Why a draft may not be published, one sentence each; empty when it may."""
    if not sections:
        return [NO_SECTIONS]
    return [
        f"Section {index + 1}: {message}"
        for index, fields in section_problems(sections).items()
        for message in fields.values()
    ]


def next_version(current: tuple[int, int] | None, *, major: bool) -> tuple[int, int] | None:
    """The (major, minor) a draft takes when published; None when it cannot be minor."""
    if current is None:
        return (1, 0) if major else None
    current_major, current_minor = current
    return (current_major + 1, 0) if major else (current_major, current_minor + 1)


def section_changes(
    before: Sequence[Mapping[str, str]], after: Sequence[Mapping[str, str]]
) -> dict[str, list[str]]:
    """Headings of the sections added, removed and reworded, matched by key."""
    old = {s["key"]: s for s in before}
    new_keys = {s.get("key") for s in after}
    return {
        "added": [s["heading"] for s in after if s.get("key") not in old],
        "removed": [s["heading"] for s in before if s["key"] not in new_keys],
        "reworded": [
            s["heading"]
            for s in after
            if s.get("key") in old
            and (s["heading"], s["body"]) != (old[s["key"]]["heading"], old[s["key"]]["body"])
        ],
    }


# Services ---------------------------------------------------------------------------------


def _locked_draft(document: ConsentDocument) -> ConsentDocument:
    """The document, locked against a concurrent save or publish; refuses a published one."""
    document = ConsentDocument.objects.select_for_update().get(pk=document.pk)
    if document.is_published:
        raise ValidationError(PUBLISHED_NEVER_CHANGES.format(label=document.version_label))
    return document


def _stable_keys() -> set[str]:
    current = ConsentDocument.objects.current()
    return {s["key"] for s in current.sections} if current else set()


@transaction.atomic
def consent_draft_start(*, user) -> ConsentDocument:
    """The draft to edit: the existing one, or a new one copied from the current version.

    There is one draft at a time, so two admins never edit rival drafts.
    """
    # Two admins pressing "start" at once: locking every version makes the second wait for
    # the first to commit, then find its draft below instead of making another.
    list(ConsentDocument.objects.select_for_update().values_list("pk", flat=True))
    if existing := ConsentDocument.objects.filter(published_at__isnull=True).first():
        return existing
    current = ConsentDocument.objects.current()
    if current is not None:
        title, introduction = current.title, current.introduction
        sections = [dict(section) for section in current.sections]
    else:
        title, introduction = default.TITLE, default.INTRODUCTION
        sections = [dict(section) for section in default.SECTIONS]
    last = ConsentDocument.objects.filter(major=DRAFT_MAJOR).aggregate(n=Max("minor"))["n"]
    return ConsentDocument.objects.create(
        major=DRAFT_MAJOR,
        minor=(last or 0) + 1,
        title=title,
        introduction=introduction,
        sections=sections,
        created_by=user,
    )


@transaction.atomic
def consent_draft_save(
    *,
    document: ConsentDocument,
    title: str,
    introduction: str,
    sections: Iterable[Mapping[str, str]],
) -> ConsentDocument:
    """Save the draft's wording: title, introduction and the sections in their new order.

    Each section is {key, heading, body}; `key` is the one it had (empty for a new section).
    """
    document = _locked_draft(document)
    keyed = sections_keyed(sections, stable_keys=_stable_keys())
    errors: dict[str, list[str]] = {}
    title = " ".join(title.split())
    if not title:
        errors["title"] = [TITLE_NEEDED]
    # The same rules as publishing: a draft is always one that could be published.
    problems = consent_problems(keyed)
    if problems:
        errors[NON_FIELD_ERRORS] = problems
    if errors:
        raise ValidationError(errors)
    document.title = title
    document.introduction = _text(introduction)
    document.sections = keyed
    document.full_clean(exclude=["major", "minor"])
    document.save(update_fields=["title", "introduction", "sections"])
    return document


MINOR_KEEPS_SECTIONS = (
    "A minor correction keeps the same parts. Adding or removing a part needs a new major "
    "version, which every patient signs again."
)


def _keys(document: ConsentDocument) -> list[str]:
    return [section["key"] for section in document.sections]


@transaction.atomic
def consent_publish(
    *, document: ConsentDocument, user, change_note: str, major: bool
) -> ConsentDocument:
    """Make the draft the version patients sign: a major version is (current major + 1).0,
    a minor one current major.(current minor + 1)."""
    document = _locked_draft(document)
    # Locked too, so the number taken below is still the next one when this commits.
    current = (
        ConsentDocument.objects.published().select_for_update().order_by("-major", "-minor").first()
    )
    errors: dict[str, list[str]] = {}
    problems = consent_problems(document.sections)
    if problems:
        errors[NON_FIELD_ERRORS] = problems
    if not change_note.strip():
        errors["change_note"] = [CHANGE_NOTE_NEEDED]
    number = next_version(
        (current.major, current.minor) if current is not None else None, major=major
    )
    if number is None:
        errors["major"] = [FIRST_IS_MAJOR]
    elif not major and current is not None and _keys(document) != _keys(current):
        # Patients acknowledged each section of what they signed; a section added or removed
        # is something they have not agreed to, so it needs their signature again.
        errors["major"] = [MINOR_KEEPS_SECTIONS]
    if errors or number is None:
        raise ValidationError(errors)
    document.major, document.minor = number
    document.change_note = change_note.strip()
    document.published_at = timezone.now()
    document.published_by = user
    document.save(update_fields=["major", "minor", "change_note", "published_at", "published_by"])
    return document
