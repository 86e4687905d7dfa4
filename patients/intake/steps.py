"""The intake's steps, in order, and the rules for moving through them."""

from dataclasses import dataclass

from . import forms


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type | None  # None: the medications step, which has its own forms


STEPS = (
    Step("about-you", "About you", forms.AboutYouForm),
    Step("people", "Emergency contact and driver", forms.PeopleForm),
    Step("care", "Your care", forms.CareForm),
    Step("health", "Health history", forms.HealthForm),
    Step("medications", "Medications", None),
    Step("identity", "Photo ID", forms.IdentityForm),
)
STEP_SLUGS = [s.slug for s in STEPS]


def step_by_slug(slug: str) -> Step | None:
    return next((s for s in STEPS if s.slug == slug), None)


def next_step(slug: str) -> Step | None:
    index = STEP_SLUGS.index(slug)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def previous_step(slug: str) -> Step | None:
    index = STEP_SLUGS.index(slug)
    return STEPS[index - 1] if index > 0 else None


def first_unfinished(done: list[str]) -> Step | None:
    return next((s for s in STEPS if s.slug not in done), None)


def progress_percent(done: list[str]) -> int:
    return round(100 * len(set(done) & set(STEP_SLUGS)) / len(STEPS))
