from django.contrib import admin
from django.urls import include, path

from clinic.accounts.urls import auth_urlpatterns

from .health import healthz

# A failure while the database is down is a 503 "back soon" page; anything else the 500 page.
handler500 = "clinic.maintenance.server_error"

admin.site.site_header = "Clinic administration"
admin.site.site_title = "Clinic administration"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include(auth_urlpatterns)),
    path("", include("clinic.accounts.urls")),
    path("", include("clinic.locations.urls")),
    path("", include("clinic.content.urls")),
    path("", include("patients.urls")),
    path("", include("screening.urls")),
    path("", include("infusions.urls")),
]
