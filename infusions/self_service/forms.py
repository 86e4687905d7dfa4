"""The patient's forms for one of their infusions: the driver home."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit

from ..booking.forms import DriverFields


class DriverForm(DriverFields):
    """Who drives the patient home. Both may be left empty until the day; the front desk
    asks at check-in."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", "Save the driver's details"))
