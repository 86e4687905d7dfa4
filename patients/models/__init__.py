"""The patients app's models, one module per domain; app label and tables are unchanged.

The upload-path functions are named here too because migrations refer to them by this path.
"""

from .consent import ConsentDocument, ConsentSignature, consent_file_path
from .consultations import Consultation
from .intake import Medication, Patient, id_photo_path
from .rights import ClosureRequest

__all__ = [
    "ClosureRequest",
    "ConsentDocument",
    "ConsentSignature",
    "Consultation",
    "Medication",
    "Patient",
    "consent_file_path",
    "id_photo_path",
]
