"""Informed consent: the patient reads the current version and signs it, a Celery task
renders the signed record once as a PDF, and staff verify a PDF against its hash. The editor
in `consent.editor` is where clinic admins write new versions.
"""
