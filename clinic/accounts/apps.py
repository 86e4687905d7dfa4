from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "clinic.accounts"
    label = "accounts"
    verbose_name = "People and roles"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy check)

    def seed_demo(self, *, stdout):
        """This app's part of `manage.py seed_demo`."""
        from .demo import seed_demo

        seed_demo(stdout=stdout)
