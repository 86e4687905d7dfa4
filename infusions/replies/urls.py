"""The SMS provider's webhook."""

from django.urls import path

from . import views

urlpatterns = [
    path("sms/inbound/", views.sms_inbound, name="sms_inbound"),
]
