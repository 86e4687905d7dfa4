from django.urls import path

from . import views

app_name = "locations"

urlpatterns = [
    path("locations/", views.location_list, name="list"),
    path("locations/<slug:slug>/", views.location_detail, name="detail"),
    path("staff/locations/", views.StaffLocationListView.as_view(), name="staff_list"),
]
