from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .editor.forms import BrandNamesField
from .models import Drug


class DrugForm(forms.ModelForm):
    """The admin's form: the staff catalogue's rules about MAOIs do not apply here, so a
    clinic admin can correct a wrong entry."""

    brand_names = BrandNamesField(
        required=False,
        help_text="One a line, or separated by commas. "
        + Drug._meta.get_field("brand_names").help_text,
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
