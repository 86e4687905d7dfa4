"""The waitlist pages' addresses."""

from django.urls import path

from . import views

urlpatterns = [
    path("staff/waitlist/", views.WaitlistView.as_view(), name="waitlist"),
    path("staff/waitlist/add/", views.WaitlistAddView.as_view(), name="waitlist_add"),
    path(
        "staff/waitlist/<int:pk>/withdraw/",
        views.WaitlistWithdrawView.as_view(),
        name="waitlist_withdraw",
    ),
    path("staff/waitlist/fits/", views.WaitlistFitsView.as_view(), name="waitlist_fits"),
    path("infusions/waitlist/", views.my_waitlist, name="my_waitlist"),
    path("infusions/waitlist/<int:pk>/leave/", views.my_waitlist_leave, name="my_waitlist_leave"),
    path("waitlist/claim/<str:token>/", views.waitlist_claim, name="waitlist_claim"),
]
