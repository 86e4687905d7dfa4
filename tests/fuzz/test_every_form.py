"""The fuzzing pass: every form of the portal, posted by someone allowed to send it, with
oversized, malformed and hostile values (tests/fuzz/hostile.py), answers with a page, an
error beside a field or a refusal, and never a server error.

Each form gets a fixed number of examples, generated the same way on every run. Every
example runs in a savepoint rolled back afterwards, so each starts from the same objects,
and with the cache emptied, so no rate limit answers in the form's place.
"""

from contextlib import ExitStack
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import transaction
from django.urls import Resolver404, resolve, reverse
from hypothesis import given

from tests.access import ALLOWED, PERSONAS
from tests.access_policy import POLICY
from tests.fuzz.hostile import form_data, fuzz_settings
from tests.fuzz.html_forms import Field, post_forms
from tests.fuzz.targets import NO_FORM, SKIPPED, TARGETS, url_key
from tests.fuzz.world import FuzzWorld
from tests.logins import log_in
from tests.test_access_matrix import ADMIN_PREFIX, address, filled

EXAMPLES_PER_FORM = 30

FUZZ = fuzz_settings(EXAMPLES_PER_FORM)

TARGETED = {url_key(key) for key in TARGETS}


def action_of(path):
    """The URL pattern a form posts to ("?path" for none)."""
    try:
        return resolve(path).view_name
    except Resolver404:
        return f"?{path}"


def target_address(key, world, overrides):
    """The address of a POLICY key, its arguments filled as POLICY says unless overridden."""
    fills = {arg: overrides.get(arg, fill) for arg, fill in POLICY[key].kwargs.items()}
    return reverse(key, kwargs=filled(world, fills))


def logged_in(client, world, target):
    if target.persona == "anonymous":
        return client
    user = world.user(target.persona)
    if target.password_only:
        client.force_login(user)
        return client
    return log_in(client, user)


def form_of(client, world, key, target):
    """The fields of the target's form, as its page shows them, and where it posts."""
    action_key = url_key(key)
    if target.fields is not None:
        fields = {name: Field(name, kind) for name, kind in target.fields.items()}
        return fields, target_address(action_key, world, target.kwargs)
    page_key = target.page or action_key
    if POLICY[page_key].query:
        page = address(page_key, world)
    else:
        page = target_address(page_key, world, target.kwargs)
    response = client.get(page, follow=True)
    assert response.status_code == 200, f"{page} gives {response.status_code}"
    forms = post_forms(response.text, response.request["PATH_INFO"])
    strangers = sorted({action_of(f.action) for f in forms} - TARGETED - SKIPPED.keys())
    assert not strangers, f"{page} shows forms the fuzzing pass does not know: {strangers}"
    forms = [f for f in forms if action_of(f.action) == action_key]
    assert forms, f"{page} shows no form posting to {action_key}"
    fields = {}
    for form in forms:
        for name, found in form.fields.items():
            fields.setdefault(name, Field(name, found.kind)).values.extend(found.values)
    return fields, forms[0].action


@pytest.mark.parametrize("key", sorted(TARGETS))
def test_a_form_answers_hostile_input_without_a_server_error(client, request, db, key):
    target = TARGETS[key]
    world = FuzzWorld(request)
    if target.persona == "patient" and target.with_record:
        world.get("record")
    for kind in target.prepare:
        world.get(kind)
    with ExitStack() as stack:
        if target.on_its_day:
            starts_at = world.get("appointment_obj").starts_at
            stack.enter_context(time_machine.travel(starts_at - timedelta(minutes=30)))
        client = logged_in(client, world, target)
        fields, action = form_of(client, world, key, target)

        @FUZZ
        @given(form_data(fields))
        def post(data):
            cache.clear()
            with transaction.atomic():
                response = client.post(action, data)
                transaction.set_rollback(True)
            assert response.status_code < 500, f"{action}: {response.status_code}"

        post()


# Every form, and only forms, in the pass ---------------------------------------------------


def test_every_url_pattern_is_a_form_target_a_page_without_one_or_skipped():
    groups = {"TARGETS": TARGETED, "NO_FORM": NO_FORM, "SKIPPED": set(SKIPPED)}
    named = [key for keys in groups.values() for key in keys]
    twice = sorted({key for key in named if named.count(key) > 1})
    unnamed = sorted(POLICY.keys() - set(named))
    gone = sorted(set(named) - POLICY.keys())
    assert not unnamed, f"URL patterns the fuzzing pass does not classify: {unnamed}"
    assert not gone, f"tests/fuzz/targets.py names patterns that no longer exist: {gone}"
    assert not twice, f"Patterns classified twice: {twice}"


def test_every_form_on_every_page_anyone_may_open_is_in_the_pass(client, request, db):
    world = FuzzWorld(request)
    world.get("record")
    found = {}
    for key, policy in POLICY.items():
        if key == ADMIN_PREFIX:
            continue
        for persona in PERSONAS:
            if policy.expected[persona] != ALLOWED:
                continue
            client.logout()
            if persona != "anonymous":
                log_in(client, world.user(persona))
            page = address(key, world)
            response = client.get(page)
            if "html" not in response.get("Content-Type", ""):
                continue
            for form in post_forms(response.text, page.split("?")[0]):
                found.setdefault(action_of(form.action), set()).add(key)

    missing = {
        action: sorted(pages)
        for action, pages in found.items()
        if action not in TARGETED and action not in SKIPPED
    }
    assert not missing, f"Forms (action: pages) the fuzzing pass does not post: {missing}"
    posted_to_no_form = sorted(found.keys() & NO_FORM)
    assert not posted_to_no_form, f"Declared without a form, yet posted to: {posted_to_no_form}"
