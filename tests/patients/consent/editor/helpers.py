"""What the editor tests share: the shipped version, saving, publishing, the page's posts."""

import pytest
from django.core.exceptions import ValidationError

from patients.consent import default as consent_default
from patients.consent.editor import services
from patients.models import ConsentDocument

SHIPPED_KEYS = [section["key"] for section in consent_default.SECTIONS]


def shipped() -> ConsentDocument:
    return ConsentDocument.objects.get(major=1, minor=0)


def reloaded(document) -> ConsentDocument:
    return ConsentDocument.objects.get(pk=document.pk)


def save(document, **changes):
    fields = {
        "title": document.title,
        "introduction": document.introduction,
        "sections": document.sections,
        **changes,
    }
    return services.consent_draft_save(document=document, **fields)


def publish(document, user, *, major, note="Plainer wording of the risks."):
    return services.consent_publish(document=document, user=user, change_note=note, major=major)


def publish_errors(document, user, *, major=True, note="A note."):
    with pytest.raises(ValidationError) as caught:
        publish(document, user, major=major, note=note)
    return caught.value.message_dict


def with_section(sections, key, **changes):
    return [{**s, **changes} if s["key"] == key else dict(s) for s in sections]


def set_sections(document, sections):
    # The editor never stores these; the admin site or a shell could.
    ConsentDocument.objects.filter(pk=document.pk).update(sections=sections)
    document.refresh_from_db()


def page_data(document, *, sections=None, new=None, **fields):
    """What the draft page posts: the wording, each section (with its `position` and `delete`
    when given) and the empty row for a new section (filled from `new`)."""
    sections = document.sections if sections is None else sections
    data = {
        "title": document.title,
        "introduction": document.introduction,
        **fields,
        "sections-TOTAL_FORMS": len(sections) + 1,
        "sections-INITIAL_FORMS": len(sections),
    }
    for index, section in enumerate(sections):
        prefix = f"sections-{index}-"
        data[prefix + "key"] = section.get("key", "")
        data[prefix + "heading"] = section["heading"]
        data[prefix + "body"] = section["body"]
        data[prefix + "position"] = section.get("position", index + 1)
        if section.get("delete"):
            data[prefix + "DELETE"] = "on"
    prefix = f"sections-{len(sections)}-"
    new = new or {}
    data[prefix + "key"] = ""
    data[prefix + "heading"] = new.get("heading", "")
    data[prefix + "body"] = new.get("body", "")
    data[prefix + "position"] = new.get("position", "")
    return data
