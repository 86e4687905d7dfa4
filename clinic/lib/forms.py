"""Showing a service's refusal on the form the person filled in."""

from django.core.exceptions import ValidationError


def form_add_service_errors(form, error: ValidationError, *, renamed=None) -> None:
    """Each message of a service's ValidationError goes next to its field where the form has
    that field (`renamed` maps a service's name to the form's), else at the top of the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        field = (renamed or {}).get(field, field)
        form.add_error(field if field in form.fields else None, errors)
