"""What the plan page tests share: the "Book all" post as the propose page filled it in."""

from datetime import date, time


def _as_posted(value):
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def book_all_post(formset, first_day, **changes):
    """The propose page's form as shown, sent back; `changes` maps 'line-N-field' to a value."""
    data = {
        "first_day": first_day.isoformat(),
        "line-TOTAL_FORMS": str(formset.total_form_count()),
        "line-INITIAL_FORMS": str(formset.initial_form_count()),
        "line-MIN_NUM_FORMS": "0",
        "line-MAX_NUM_FORMS": "24",
    }
    for form in formset.forms:
        for name in form.fields:
            value = _as_posted(form[name].value())
            if value:
                data[form.add_prefix(name)] = value
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
