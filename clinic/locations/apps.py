from django.apps import AppConfig


class LocationsConfig(AppConfig):
    name = "clinic.locations"
    label = "locations"
    verbose_name = "Locations and chairs"
