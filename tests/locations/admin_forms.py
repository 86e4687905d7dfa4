"""Posting a Django admin change page back as a person would, changing only what a test sets."""

from datetime import time


def admin_change_form_data(response):
    """What the admin change page would post back unchanged: the form and every inline."""
    data = {"_save": "Save"}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({management.add_prefix(k): v for k, v in management.initial.items()})
        forms.extend(inline.formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is not None and value is not False and value != "":
                data[form.add_prefix(name)] = as_posted(value)
    return data


def as_posted(value):
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return value
