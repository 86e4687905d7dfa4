"""The front desk's day board and week view, and the desk's actions on an appointment. Every
action goes through its service (booking, moving, cancelling, statuses), then back to the
board of that appointment's day."""

from datetime import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from clinic.accounts.permissions import StaffRequiredMixin
from clinic.lib.forms import form_add_service_errors
from clinic.locations.models import Chair

from ..booking.services import NotEligible, infusion_book, infusion_cancel, infusion_move
from ..models import StatusChange
from ..models.appointments import Status
from ..permissions import ADD_APPOINTMENT, CHART, VIEW_APPOINTMENTS
from ..statuses.flow import NEXT_STEP
from ..statuses.services import appointment_check_in, appointment_set_status
from .forms import FARTHEST, BoardBookForm, BoardSlotForm, CancelForm, CheckInForm, board_place
from .selectors import (
    appointment_get_for_staff,
    board_day,
    board_locations,
    board_week,
    cleared_patient_ids,
    entries_of,
)

# Who may change the schedule (book, move, cancel, mark a no-show): the desk and clinic
# admins. Who may check a patient in and move them through the day: clinicians too.
CHANGE_APPOINTMENT = "infusions.change_infusionappointment"
CHECK_IN = "infusions.check_in_infusion"


def board_url(location, day, appointment=None) -> str:
    url = (
        reverse("infusions:board_day")
        + "?"
        + urlencode({"location": location.pk, "day": day.isoformat()})
    )
    return url + (f"#appointment-{appointment.pk}" if appointment else "")


def board_url_of(appointment) -> str:
    location = appointment.chair.location
    return board_url(location, location.local_time(appointment.starts_at).date(), appointment)


def _when(appointment) -> str:
    local = appointment.chair.location.local_time(appointment.starts_at)
    return f"{appointment.chair.name}, {local:%A, %B %-d at %-I:%M %p}"


class DayBoardView(StaffRequiredMixin, TemplateView):
    """One location's day: a column per chair, a row every 15 minutes on its clocks."""

    permissions = (VIEW_APPOINTMENTS,)
    template_name = "infusions/board/day.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        locations = board_locations()
        place = board_place(self.request.GET, locations)
        for problem in place.problems:
            messages.warning(self.request, problem)
        can_book = user.has_perm(ADD_APPOINTMENT) and user.has_perm(CHANGE_APPOINTMENT)
        now = timezone.now()
        board = None
        if place.location is not None:
            board = board_day(
                location=place.location, day=place.day, now=now, with_booking=can_book
            )
        return {
            "board": board,
            "locations": locations,
            "now": now,
            "today": place.location.local_time(now).date() if place.location else None,
            "can_book": can_book,
            "can_change": user.has_perm(CHANGE_APPOINTMENT),
            "can_check_in": user.has_perm(CHECK_IN),
            "can_chart": user.has_perm(CHART),
        }


class WeekBoardView(StaffRequiredMixin, TemplateView):
    """One location's week from Monday: per chair and day, who is booked."""

    permissions = (VIEW_APPOINTMENTS,)
    template_name = "infusions/board/week.html"

    def get_context_data(self, **kwargs):
        locations = board_locations()
        place = board_place(self.request.GET, locations)
        for problem in place.problems:
            messages.warning(self.request, problem)
        week = None
        if place.location is not None:
            week = board_week(location=place.location, day=place.day)
        return {
            "week": week,
            "locations": locations,
            "today": place.location.local_time().date() if place.location else None,
        }


class BookView(StaffRequiredMixin, View):
    """Book a cleared patient into the free chair and time picked on the board
    (?chair=<pk>&starts_at=<UTC ISO>); the desk may change chair, day and time here too."""

    permissions = (VIEW_APPOINTMENTS, ADD_APPOINTMENT, CHANGE_APPOINTMENT)

    def get(self, request):
        return self._respond(request)

    def post(self, request):
        return self._respond(request)

    def _respond(self, request):
        chair, starts_at = _picked(request.GET)
        if chair is None:
            messages.error(request, "That chair could not be found; pick a free time on the board.")
            return redirect("infusions:board_day")
        location = chair.location
        if starts_at is None:
            messages.error(request, "That time could not be read; pick a free time on the board.")
            return redirect(board_url(location, location.local_time().date()))
        local = location.local_time(starts_at)
        cleared = cleared_patient_ids()
        form = BoardBookForm(
            request.POST or None,
            location=location,
            cleared_ids=cleared,
            initial={"chair": chair, "date": local.date(), "time": local.time()},
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                appointment = infusion_book(
                    patient=data["patient"],
                    chair=data["chair"],
                    starts_at=data["starts_at"],
                    booked_by=request.user,
                    appointment_type=data["appointment_type"],
                    online=False,
                    driver_name=data["driver_name"],
                    driver_phone=data["driver_phone"],
                )
            except NotEligible as refusal:
                form.add_error("patient", refusal.messages)
            except ValidationError as refusal:
                form_add_service_errors(form, refusal, renamed={"starts_at": "time"})
            else:
                messages.success(request, f"Booked: {_when(appointment)}.")
                return redirect(board_url_of(appointment))
        return render(
            request,
            "infusions/board/book.html",
            {
                "form": form,
                "location": location,
                "chair": chair,
                "local": local,
                "has_cleared": bool(cleared),
                "back": board_url(location, local.date()),
            },
            status=400 if form.errors else 200,
        )


def _picked(params) -> tuple[Chair | None, datetime | None]:
    chair = None
    if params.get("chair", "").isdigit():
        chair = (
            Chair.objects.select_related("location")
            .filter(pk=int(params["chair"]), is_active=True)
            .first()
        )
    try:
        starts_at = datetime.fromisoformat(params.get("starts_at", "").replace(" ", "+"))
        # A year typed wrong would reach the limits of time zone arithmetic.
        if starts_at.tzinfo is None or abs(starts_at - timezone.now()) > FARTHEST:
            starts_at = None
    except (ValueError, OverflowError):
        starts_at = None
    return chair, starts_at


class AppointmentView(StaffRequiredMixin, View):
    """One appointment: where it stands, its status story, and the desk's actions on it."""

    permissions = (VIEW_APPOINTMENTS,)

    def get(self, request, pk):
        appointment = appointment_get_for_staff(pk=pk)
        return appointment_page(request, appointment)


def appointment_page(request, appointment, *, status=200, **forms):
    """The appointment's page, with any refused form (and its messages) in place."""
    patient = appointment.patient
    forms.setdefault(
        "check_in_form",
        CheckInForm(
            initial={
                "driver_name": appointment.driver_name or patient.escort_name,
                "driver_phone": appointment.driver_phone or patient.escort_phone,
            }
        ),
    )
    forms.setdefault("cancel_form", CancelForm())
    [entry] = entries_of([appointment])
    user = request.user
    return render(
        request,
        "infusions/board/appointment.html",
        {
            **forms,
            "entry": entry,
            "appointment": appointment,
            "patient": patient,
            "location": appointment.chair.location,
            "history": StatusChange.objects.filter(appointment=appointment)
            .select_related("changed_by")
            .order_by("changed_at", "pk"),
            "reminders": appointment.reminders.order_by("due_at", "pk"),
            "back": board_url_of(appointment),
            "now": timezone.now(),
            "can_change": user.has_perm(CHANGE_APPOINTMENT),
            "can_check_in": user.has_perm(CHECK_IN),
            "can_chart": user.has_perm(CHART),
        },
        status=status,
    )


class ActionView(StaffRequiredMixin, View):
    """An action posted from the board or the appointment's page. A refusal shows the
    appointment's page with the service's words; success goes back to the board."""

    def get(self, request, pk):
        return redirect("infusions:board_appointment", pk=pk)

    def post(self, request, pk):
        appointment = appointment_get_for_staff(pk=pk)
        return self.act(request, appointment)

    def act(self, request, appointment):
        raise NotImplementedError

    def done(self, request, appointment, message):
        messages.success(request, message)
        return redirect(board_url_of(appointment))

    def refused(self, request, appointment, refusal: ValidationError):
        return appointment_page(request, appointment, status=400, action_problems=refusal.messages)


class CheckInView(ActionView):
    permissions = (VIEW_APPOINTMENTS, CHECK_IN)

    def act(self, request, appointment):
        form = CheckInForm(request.POST)
        if form.is_valid():
            try:
                appointment_check_in(
                    appointment,
                    by=request.user,
                    id_seen=form.cleaned_data["id_seen"],
                    driver_name=form.cleaned_data["driver_name"],
                    driver_phone=form.cleaned_data["driver_phone"],
                )
            except ValidationError as refusal:
                form_add_service_errors(form, refusal)
            else:
                return self.done(request, appointment, f"Checked in: {_when(appointment)}.")
        return appointment_page(request, appointment, status=400, check_in_form=form)


class NextStepView(ActionView):
    """In the chair, recovering, discharged: the next step of the day, one at a time. The
    step is posted with the button, so a second click on a page loaded before the first
    makes no second move."""

    permissions = (VIEW_APPOINTMENTS, CHECK_IN)

    def act(self, request, appointment):
        to_status = request.POST.get("to_status", "")
        if to_status not in NEXT_STEP.values():
            return self.refused(request, appointment, ValidationError("Choose a next step."))
        if appointment.status == Status.BOOKED and to_status == Status.IN_CHAIR:
            return self.refused(
                request,
                appointment,
                ValidationError(
                    "Check the patient in first: the photo ID seen and the driver home confirmed."
                ),
            )
        if NEXT_STEP.get(appointment.status) != to_status:
            return self.refused(
                request,
                appointment,
                ValidationError(
                    f"This appointment is {appointment.get_status_display().lower()} now, so "
                    f"it cannot become {Status(to_status).label.lower()}. The page shows it "
                    "as it is."
                ),
            )
        try:
            appointment = appointment_set_status(appointment, to_status=to_status, by=request.user)
        except ValidationError as refusal:
            return self.refused(request, appointment, refusal)
        label = Status(to_status).label
        return self.done(request, appointment, f"{label}: {_when(appointment)}.")


class NoShowView(ActionView):
    permissions = (VIEW_APPOINTMENTS, CHANGE_APPOINTMENT)

    def act(self, request, appointment):
        try:
            appointment = appointment_set_status(
                appointment, to_status=Status.NO_SHOW, by=request.user
            )
        except ValidationError as refusal:
            return self.refused(request, appointment, refusal)
        return self.done(request, appointment, f"Marked as a no-show: {_when(appointment)}.")


class CancelView(ActionView):
    permissions = (VIEW_APPOINTMENTS, CHANGE_APPOINTMENT)

    def act(self, request, appointment):
        form = CancelForm(request.POST)
        if form.is_valid():
            try:
                appointment = infusion_cancel(
                    appointment, by=request.user, reason=form.cleaned_data["reason"]
                )
            except ValidationError as refusal:
                form_add_service_errors(form, refusal)
            else:
                late = (
                    " (late: inside the cancellation window)"
                    if appointment.status == Status.LATE_CANCELLED
                    else ""
                )
                return self.done(request, appointment, f"Cancelled{late}: {_when(appointment)}.")
        return appointment_page(request, appointment, status=400, cancel_form=form)


class MoveView(StaffRequiredMixin, View):
    """Move a booked infusion to another day, time or chair at its location."""

    permissions = (VIEW_APPOINTMENTS, CHANGE_APPOINTMENT)

    def get(self, request, pk):
        return self._respond(request, pk)

    def post(self, request, pk):
        return self._respond(request, pk)

    def _respond(self, request, pk):
        appointment = appointment_get_for_staff(pk=pk)
        location = appointment.chair.location
        local = location.local_time(appointment.starts_at)
        form = BoardSlotForm(
            request.POST or None,
            location=location,
            initial={"chair": appointment.chair, "date": local.date(), "time": local.time()},
        )
        if request.method == "POST" and form.is_valid():
            try:
                appointment = infusion_move(
                    appointment,
                    chair=form.cleaned_data["chair"],
                    starts_at=form.cleaned_data["starts_at"],
                    by=request.user,
                    online=False,
                )
            except ValidationError as refusal:
                form_add_service_errors(form, refusal, renamed={"starts_at": "time"})
            else:
                messages.success(request, f"Moved to {_when(appointment)}.")
                return redirect(board_url_of(appointment))
        return render(
            request,
            "infusions/board/move.html",
            {
                "form": form,
                "appointment": appointment,
                "location": location,
                "local": local,
                "back": board_url_of(appointment),
            },
            status=400 if form.errors else 200,
        )
