"""The content a new install ships with: public pages and FAQ, editable later by a clinic admin.
The data migration `content/0002` publishes it."""

from .about_the_treatment import ABOUT_THE_TREATMENT
from .before_you_start import BEFORE_YOU_START
from .faq import FAQ

PAGES = ABOUT_THE_TREATMENT + BEFORE_YOU_START

__all__ = ["FAQ", "PAGES"]
