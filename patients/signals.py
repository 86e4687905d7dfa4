"""What the patients app announces to the apps above it, which it never imports.

`intake_changed` is sent inside the transaction that saved a changed intake step or
medication list, with `patient` and `what` (words such as "medications"); screening connects
to it to run its rules again. A receiver's error rolls the save back.
"""

from django.dispatch import Signal

intake_changed = Signal()
