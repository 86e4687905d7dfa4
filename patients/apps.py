from django.apps import AppConfig


class PatientsConfig(AppConfig):
    name = "patients"
    verbose_name = "Patients and consultations"

    def ready(self):
        from .consent.dashboard import SECTION as CONSENT
        from .consultations.dashboard import SECTION as CONSULTATIONS
        from .dashboard import sections
        from .intake.dashboard import SECTION as INTAKE

        for section in (INTAKE, CONSENT, CONSULTATIONS):
            sections.register(section)

    def seed_demo(self, *, stdout):
        """This app's part of `manage.py seed_demo`."""
        from .demo import seed_demo

        seed_demo(stdout=stdout)
