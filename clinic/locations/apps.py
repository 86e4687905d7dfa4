from django.apps import AppConfig


class LocationsConfig(AppConfig):
    name = "clinic.locations"
    label = "locations"
    verbose_name = "Locations and chairs"
    # What public pages show: a change to these tables refreshes the cached pages.
    public_content_models = ("Location", "OpeningHours")

    def seed_demo(self, *, stdout):
        """This app's part of `manage.py seed_demo`."""
        from .demo import seed_demo

        seed_demo(stdout=stdout)
