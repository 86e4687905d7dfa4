"""The calendar pages' addresses: one infusion's .ics, the patient's feed page, and the feed
itself (public: its token is the key)."""

from django.urls import path

from . import views

urlpatterns = [
    path("infusions/<int:pk>/calendar.ics", views.my_infusion_ics, name="my_infusion_ics"),
    path("infusions/calendar/", views.calendar_feed, name="calendar_feed"),
    path("calendar/<str:token>.ics", views.calendar_feed_ics, name="calendar_feed_ics"),
]
