from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "clinic.accounts"
    label = "accounts"
    verbose_name = "People and roles"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy check)
