from django.apps import AppConfig


class InfusionsConfig(AppConfig):
    name = "infusions"
    verbose_name = "Infusions"
