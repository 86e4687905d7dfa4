"""Every form class of the portal's apps, bound to hostile data for its own fields,
validates without raising: whatever a page, the admin or a service hands it, a form answers
with errors, never an exception.

The classes are found by walking Django's form classes after importing every forms module
of the apps; a class the pass cannot build (its constructor wants something unknown here)
fails the test until CONSTRUCTOR gives it what it needs.
"""

import importlib
import pkgutil

import pytest
from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.test import RequestFactory
from django.utils import timezone
from hypothesis import given

from tests.fuzz.hostile import form_data, fuzz_settings
from tests.fuzz.html_forms import Field
from tests.fuzz.world import FuzzWorld

APPS = ("clinic", "patients", "screening", "infusions")

FUZZ = fuzz_settings(25)


def _import_form_modules():
    for app in APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, f"{app}."):
            if "migrations" in module.name:
                continue
            # Views too: a form defined beside its view is still a form of the portal.
            if module.name.rsplit(".", 1)[-1] in ("forms", "admin", "conditions", "views"):
                importlib.import_module(module.name)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _abstract(cls):
    """A model form's base, naming no model: only its subclasses can be built."""
    return issubclass(cls, forms.BaseModelForm) and cls._meta.model is None


def form_classes():
    _import_form_modules()
    found = {
        f"{cls.__module__}.{cls.__qualname__}": cls
        for cls in _subclasses(forms.BaseForm)
        if cls.__module__.split(".")[0] in APPS and not _abstract(cls)
    }
    return dict(sorted(found.items()))


def _login_request(world):
    request = RequestFactory().post("/accounts/login/")
    request.session = {}
    return request


# What each form's constructor needs beyond its data: name -> world -> (args, kwargs).
CONSTRUCTOR = {
    "clinic.accounts.forms.LoginForm": lambda w: ((_login_request(w),), {}),
    "clinic.accounts.forms.SetPasswordForm": lambda w: ((w.user("patient"),), {}),
    "infusions.board.forms.BoardSlotForm": lambda w: ((), {"location": w.get("location")}),
    "infusions.board.forms.BoardBookForm": lambda w: (
        (),
        {"location": w.get("location"), "cleared_ids": [w.get("screening_obj").patient_id]},
    ),
    "infusions.plans.forms.ProposalLineForm": lambda w: (
        (),
        {"location": w.get("location"), "chairs": [w.get("chair")]},
    ),
    "infusions.preferences.forms.ChannelsForm": lambda w: ((), {"phone": "+12125550143"}),
    "infusions.plans.forms.FirstDayForm": lambda w: ((), {"today": timezone.localdate()}),
    "infusions.reports.forms.ReportForm": lambda w: ((), {"today": timezone.localdate()}),
    "infusions.checklist.forms.ChecklistForm": lambda w: (
        (),
        {"stop_eating_words": "six hours before"},
    ),
    "infusions.record.forms.VitalsForm": lambda w: ((), {"appointment": w.get("appointment_obj")}),
    "infusions.record.forms.RecordForm": lambda w: ((), {"appointment": w.get("appointment_obj")}),
    "infusions.waitlist.forms.OfferForm": lambda w: ((), {"candidates": _candidates(w)}),
    "patients.consent.forms.ConsentSignForm": lambda w: (
        (),
        {"document": _current_consent()},
    ),
    "patients.consultations.forms.ConsultationForm": lambda w: (
        (),
        {"zone_name": "America/New_York"},
    ),
    "patients.consultations.forms.RescheduleForm": lambda w: (
        (),
        {"zone_name": "America/New_York"},
    ),
    "screening.forms.QuestionnaireForm": lambda w: ((), {"version": _current_questionnaire()}),
}


def _candidates(world):
    """The waiting patients who fit a freed time: the patient persona, waiting for Mondays."""
    from datetime import datetime

    from infusions.waitlist.selectors import waitlist_fits

    world.get("waitlist_entry")
    starts_at = datetime.fromisoformat(world.get("free_time"))
    return waitlist_fits(chair=world.get("chair"), starts_at=starts_at)


def _current_consent():
    from patients.models import ConsentDocument

    return ConsentDocument.objects.current()


def _current_questionnaire():
    from screening.models import QuestionnaireVersion

    return QuestionnaireVersion.objects.current()


def _kind(field):
    """The HTML kind of a Django form field, as tests/fuzz/hostile.py reads it."""
    if isinstance(field, forms.FileField):
        return "file"
    if isinstance(field, forms.BooleanField):
        return "checkbox"
    if isinstance(field, forms.DateTimeField):
        return "datetime-local"
    if isinstance(field, forms.DateField):
        return "date"
    if isinstance(field, forms.TimeField):
        return "time"
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return "number"
    if isinstance(field, forms.EmailField):
        return "email"
    if isinstance(field, forms.ChoiceField):
        return "select"
    return "text"


def _offered(field):
    choices = getattr(field, "choices", None)
    if choices is None:
        return []
    values = []
    for value, label in choices:
        if isinstance(label, list | tuple):  # a group of choices
            values += [str(v) for v, _ in label]
        else:
            values.append(str(getattr(value, "value", value)))
    return values


FORMS = form_classes()


def test_the_pass_finds_the_forms_of_every_app():
    apps = {name.split(".")[0] for name in FORMS}
    assert apps == set(APPS)
    assert not CONSTRUCTOR.keys() - FORMS.keys(), "CONSTRUCTOR names forms that no longer exist"


@pytest.mark.parametrize("name", list(FORMS))
def test_a_form_bound_to_hostile_data_validates_without_raising(request, db, name):
    cls = FORMS[name]
    world = FuzzWorld(request)
    args, kwargs = CONSTRUCTOR.get(name, lambda w: ((), {}))(world)
    unbound = cls(*args, **kwargs)
    fields = {
        unbound.add_prefix(field_name): Field(field_name, _kind(field), values=_offered(field))
        for field_name, field in unbound.fields.items()
    }

    @FUZZ
    @given(form_data(fields))
    def validate(data):
        files = {k: v for k, v in data.items() if isinstance(v, UploadedFile)}
        values = {k: v for k, v in data.items() if k not in files}
        form = cls(*args, data=_querydict(values), files=files, **kwargs)
        form.is_valid()

    validate()


def _querydict(values):
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    for key, value in values.items():
        data.setlist(key, value if isinstance(value, list) else [value])
    return data
