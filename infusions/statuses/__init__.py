"""An appointment's day: the statuses it may move through (FHIR's names where they fit),
check-in with the photo ID and the driver, and the record of every move."""
