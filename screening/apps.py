from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "screening"
    verbose_name = "Screening"

    def ready(self):
        from patients.dashboard import sections
        from patients.rights import parts as rights_parts
        from patients.signals import intake_changed

        from . import rights
        from .dashboard import SECTION
        from .receivers import recheck_after_intake_change

        sections.register(SECTION)
        rights_parts.register_part("screening", 30, rights.collect)
        intake_changed.connect(recheck_after_intake_change, dispatch_uid="screening-recheck")

    def seed_demo(self, *, stdout):
        """This app's part of `manage.py seed_demo`."""
        from .demo import seed_demo

        seed_demo(stdout=stdout)
