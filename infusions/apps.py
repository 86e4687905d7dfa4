from django.apps import AppConfig


class InfusionsConfig(AppConfig):
    name = "infusions"
    verbose_name = "Infusions"

    def ready(self):
        from patients.dashboard import sections
        from patients.rights import parts as rights_parts

        from . import rights
        from .dashboard import SECTION

        sections.register(SECTION)
        rights_parts.register_part("infusions", 40, rights.collect)

    def seed_demo(self, *, stdout):
        """This app's part of `manage.py seed_demo`."""
        from .demo import seed_demo

        seed_demo(stdout=stdout)
