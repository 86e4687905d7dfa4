"""The editor's rules on their own: section keys, version numbers, what changed."""

import pytest

from patients.consent.editor import services

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Photos and recordings", "photos_and_recordings"),
        ("  Risks & side-effects! ", "risks_side_effects"),
        ("Über uns", "uber_uns"),
        ("???", ""),
    ],
)
def test_a_new_section_key_is_a_slug_of_its_heading(heading, key):
    assert services.section_key(heading) == key


@pytest.mark.parametrize(
    ("current", "major", "expected"),
    [
        ((1, 0), True, (2, 0)),
        ((1, 0), False, (1, 1)),
        ((2, 3), True, (3, 0)),
        ((2, 3), False, (2, 4)),
        (None, True, (1, 0)),
        (None, False, None),
    ],
)
def test_the_next_number_follows_the_current_version(current, major, expected):
    assert services.next_version(current, major=major) == expected


def test_the_changes_name_the_sections_added_removed_and_reworded():
    before = [
        {"key": "a", "heading": "A", "body": "Same."},
        {"key": "b", "heading": "B", "body": "Old."},
        {"key": "c", "heading": "C", "body": "Gone."},
    ]
    after = [
        {"key": "a", "heading": "A", "body": "Same."},
        {"key": "b", "heading": "B", "body": "New."},
        {"key": "d", "heading": "D", "body": "Added."},
    ]

    assert services.section_changes(before, after) == {
        "added": ["D"],
        "removed": ["C"],
        "reworded": ["B"],
    }
