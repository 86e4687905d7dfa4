"""The board pages' addresses."""

from django.urls import path

from . import views

urlpatterns = [
    path("staff/schedule/", views.DayBoardView.as_view(), name="board_day"),
    path("staff/schedule/week/", views.WeekBoardView.as_view(), name="board_week"),
    path("staff/schedule/book/", views.BookView.as_view(), name="board_book"),
    path(
        "staff/schedule/appointments/<int:pk>/",
        views.AppointmentView.as_view(),
        name="board_appointment",
    ),
    path("staff/schedule/appointments/<int:pk>/move/", views.MoveView.as_view(), name="board_move"),
    path(
        "staff/schedule/appointments/<int:pk>/cancel/",
        views.CancelView.as_view(),
        name="board_cancel",
    ),
    path(
        "staff/schedule/appointments/<int:pk>/no-show/",
        views.NoShowView.as_view(),
        name="board_no_show",
    ),
    path(
        "staff/schedule/appointments/<int:pk>/check-in/",
        views.CheckInView.as_view(),
        name="board_check_in",
    ),
    path(
        "staff/schedule/appointments/<int:pk>/next-step/",
        views.NextStepView.as_view(),
        name="board_next_step",
    ),
]
