from django.apps import AppConfig


class InfusionsConfig(AppConfig):
    name = "infusions"
    verbose_name = "Infusions"

    def ready(self):
        from patients.dashboard import sections

        from .dashboard import SECTION

        sections.register(SECTION)
