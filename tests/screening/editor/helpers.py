"""What the editor tests share: a draft's question, publishing, the pages' posts."""

import re

import pytest
from django.core.exceptions import ValidationError

from screening.editor import services
from screening.editor.forms import QuestionFormSet


def question(version, code):
    return version.questions.get(code=code)


def publish(version, user, note="Reworded the pregnancy question."):
    return services.questionnaire_publish(version=version, user=user, change_note=note)


def publish_errors(version, user, note="A note."):
    with pytest.raises(ValidationError) as caught:
        publish(version, user, note)
    return caught.value.message_dict


def formset_data(version, **changes):
    """What the draft page posts, with `changes` as {code: {field: value}}."""
    formset = QuestionFormSet(queryset=version.questions.order_by("position", "pk"))
    data = {
        f"{formset.prefix}-TOTAL_FORMS": len(formset.forms),
        f"{formset.prefix}-INITIAL_FORMS": len(formset.forms),
    }
    for form in formset:
        for name in form.fields:
            value = form[name].value()
            data[form.add_prefix(name)] = "" if value is None else value
        for name, value in changes.get(form.instance.code, {}).items():
            data[form.add_prefix(name)] = value
    return data


def drug_data(drug=None, **changes):
    data = {
        "generic_name": "examplazine",
        "brand_names": "",
        "drug_class": "benzodiazepine",
        "severity": "reduced_effectiveness",
        "notes": "",
        "is_active": "on",
    }
    if drug is not None:
        data.update(
            generic_name=drug.generic_name,
            brand_names="\n".join(drug.brand_names),
            drug_class=drug.drug_class,
            severity=drug.severity,
            notes=drug.notes,
        )
    return {**data, **changes}


def field_block(html, field_id):
    """The markup crispy draws for one field: its label, input, help and error."""
    match = re.search(rf'<div id="div_{field_id}".*?(?=<div id="div_|</form>)', html, re.S)
    assert match, f"no field {field_id} on the page"
    return match.group(0)
