"""django-simple-history helpers for data that did not arrive through a normal save."""


def record_first_history(historical_model, instance, *, when, reason: str) -> None:
    """Write the first history entry of a row a data migration made, as a save would have.

    Works with the historical models a migration gets from `apps.get_model`.
    """
    values = {
        field.attname: getattr(instance, field.attname)
        for field in historical_model._meta.fields
        if hasattr(instance, field.attname) and not field.name.startswith("history_")
    }
    historical_model.objects.create(
        **values, history_date=when, history_type="+", history_change_reason=reason
    )
