from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Drug


class BrandNamesField(forms.CharField):
    """Brand names as clinicians write them, one a line, rather than as JSON."""

    widget = forms.Textarea(attrs={"rows": 6})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value):
        lines = (line.strip() for line in (value or "").splitlines())
        return list(dict.fromkeys(line for line in lines if line))


class DrugForm(forms.ModelForm):
    brand_names = BrandNamesField(
        required=False,
        help_text="One a line. " + Drug._meta.get_field("brand_names").help_text,
    )

    class Meta:
        model = Drug
        fields = ["generic_name", "brand_names", "drug_class", "severity", "notes", "is_active"]


@admin.register(Drug)
class DrugAdmin(SimpleHistoryAdmin):
    form = DrugForm
    list_display = ["generic_name", "brands", "drug_class", "severity", "is_active", "updated_at"]
    list_filter = ["severity", "drug_class", "is_active"]
    search_fields = ["generic_name", "brand_names"]
    readonly_fields = ["updated_at"]

    @admin.display(description="Brand names")
    def brands(self, obj):
        return ", ".join(obj.brand_names)
