"""The patient's data and account closure. No app_name: it joins the `patients` namespace
through patients/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("account/my-data/", views.my_data, name="my_data"),
    path("account/my-data.json", views.my_data_json, name="my_data_json"),
    path("account/my-data.pdf", views.my_data_pdf, name="my_data_pdf"),
]
