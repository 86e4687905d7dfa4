"""Consultation pages: the public booking, the signed link that moves or cancels one, and the
front desk's list."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django_ratelimit.decorators import ratelimit

from clinic.accounts.permissions import StaffRequiredMixin
from clinic.lib.signed_links import make_token, read_token
from clinic.locations.models import Location

from ..conditions import Condition
from ..models import Consultation
from ..permissions import CHANGE_CONSULTATIONS, VIEW_CONSULTATIONS
from . import services
from .calendar import consultation_ics
from .forms import ConsultationForm, OutcomeForm, RescheduleForm
from .selectors import bookable_days, consultation_slots, consultations_for_staff
from .tasks import manage_url

# Public booking ---------------------------------------------------------------------------


@login_not_required
def consultation_start(request):
    return render(
        request, "patients/consultations/start.html", {"locations": Location.objects.listed()}
    )


class DayPicker:
    """The days with free slots, and the slots of the chosen day, for one location."""

    def __init__(self, location, requested_day: str | None, now):
        first_day, days = bookable_days(location=location, now=now)
        self.slots = consultation_slots(location=location, first_day=first_day, days=days, now=now)
        zone = location.time_zone
        self.days = sorted({s.local_start(zone).date() for s in self.slots})
        self.day = self._pick(requested_day)
        self.day_slots = [s for s in self.slots if s.local_start(zone).date() == self.day]

    def _pick(self, requested: str | None) -> date | None:
        try:
            wanted = date.fromisoformat(requested) if requested else None
        except ValueError:
            wanted = None
        if wanted in self.days:
            return wanted
        return self.days[0] if self.days else None


@login_not_required
@ratelimit(key="ip", rate="20/h", method="POST", block=False)
def consultation_book(request, slug):
    location = get_object_or_404(Location, slug=slug)
    if not location.is_open_for_booking:
        return render(request, "patients/consultations/not_bookable.html", {"location": location})
    now = timezone.now()
    picker = DayPicker(location, request.POST.get("day") or request.GET.get("day"), now)
    form = ConsultationForm(
        request.POST or None, slots=picker.day_slots, zone_name=location.time_zone
    )
    if request.method == "POST" and form.is_valid():
        if getattr(request, "limited", False) or form.is_robot:
            form.add_error(
                None,
                "We could not take this request online. Please call us on "
                f"{location.phone} and we will book it with you.",
            )
        else:
            try:
                consultation = services.consultation_book(
                    location=location,
                    kind=form.cleaned_data["kind"],
                    starts_at=form.cleaned_data["slot"],
                    contact=services.Contact(
                        full_name=form.cleaned_data["full_name"],
                        email=form.cleaned_data["email"],
                        phone=form.cleaned_data["phone"],
                        conditions=form.cleaned_data["conditions"],
                        other_condition=form.cleaned_data["other_condition"],
                        preferred_contact_time=form.cleaned_data["preferred_contact_time"],
                    ),
                    now=now,
                )
            except services.SlotTaken as taken:
                form.add_error("slot", taken.messages[0])
                form.fields["slot"].offer(taken.nearest, location.time_zone, with_date=True)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    f"You are booked. A confirmation is on its way to {consultation.email}.",
                )
                return redirect(
                    "patients:consultation_manage", make_token("consultation", consultation.pk)
                )
    return render(
        request,
        "patients/consultations/book.html",
        {
            "location": location,
            "form": form,
            "picker": picker,
            "crisis": form.is_bound and form.reports_crisis(),
            "crisis_choice": Condition.SUICIDAL_IDEATION.value,
        },
    )


class LinkExpired(Exception):
    def __init__(self, location):
        self.location = location


def _consultation_from_token(token) -> Consultation:
    pk = read_token("consultation", token)
    if pk is None:
        raise Http404("This link is not valid.")
    consultation = get_object_or_404(Consultation.objects.select_related("location"), pk=pk)
    if consultation.manage_link_expires_at <= timezone.now():
        raise LinkExpired(consultation.location)
    return consultation


def _link_expired_page(request, expired: LinkExpired):
    """Says the link is over and how to reach the clinic; nothing about the booking."""
    return render(
        request,
        "patients/consultations/link_expired.html",
        {"location": expired.location},
        status=410,
    )


@method_decorator([login_not_required, never_cache], name="dispatch")
class ConsultationManageView(View):
    """What the signed link in the confirmation e-mail opens: see, move or cancel."""

    template_name = "patients/consultations/manage.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except LinkExpired as expired:
            return _link_expired_page(request, expired)

    def get(self, request, token):
        consultation = _consultation_from_token(token)
        return self._render(consultation, token, RescheduleForm())

    def post(self, request, token):
        consultation = _consultation_from_token(token)
        action = request.POST.get("action")
        if action == "cancel":
            if request.POST.get("confirmed") != "yes":
                # One tap only asks; the cancellation needs the second, on the question page.
                return redirect(
                    f"{reverse('patients:consultation_manage', args=[token])}?cancel=1#cancel"
                )
            if services.consultation_cancel(consultation=consultation):
                messages.success(request, "Your consultation is cancelled.")
            return redirect("patients:consultation_manage", token)
        if action != "reschedule":
            return redirect("patients:consultation_manage", token)
        picker = DayPicker(consultation.location, request.POST.get("day"), timezone.now())
        form = RescheduleForm(
            request.POST, slots=picker.day_slots, zone_name=consultation.location.time_zone
        )
        if form.is_valid():
            try:
                services.consultation_reschedule(
                    consultation=consultation, starts_at=form.cleaned_data["slot"]
                )
            except services.SlotTaken as taken:
                form.add_error("slot", taken.messages[0])
                form.fields["slot"].offer(
                    taken.nearest, consultation.location.time_zone, with_date=True
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Your consultation has a new time.")
                return redirect("patients:consultation_manage", token)
        return self._render(consultation, token, form, picker)

    def _render(self, consultation, token, form, picker=None):
        is_booked = consultation.status == Consultation.Status.BOOKED
        if picker is None and is_booked and self.request.GET.get("change"):
            picker = DayPicker(consultation.location, self.request.GET.get("day"), timezone.now())
            form.fields["slot"].offer(picker.day_slots, consultation.location.time_zone)
        return render(
            self.request,
            self.template_name,
            {
                "consultation": consultation,
                "location": consultation.location,
                "token": token,
                "form": form,
                "picker": picker,
                "is_booked": is_booked,
                "is_past": consultation.ends_at <= timezone.now(),
                "confirming_cancel": is_booked and self.request.GET.get("cancel") == "1",
            },
        )


@login_not_required
@never_cache
def consultation_calendar_file(request, token):
    try:
        consultation = _consultation_from_token(token)
    except LinkExpired as expired:
        return _link_expired_page(request, expired)
    body = consultation_ics(
        consultation, manage_url=manage_url(consultation.pk), domain=request.get_host()
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="consultation.ics"'
    return response


# Front desk -----------------------------------------------------------------------------


class StaffConsultationListView(StaffRequiredMixin, TemplateView):
    """Today's and upcoming consultations at one location."""

    permissions = (VIEW_CONSULTATIONS,)
    template_name = "patients/consultations/staff/list.html"

    def get_context_data(self, **kwargs):
        locations = list(Location.objects.bookable())
        slug = self.request.GET.get("location")
        location = next((loc for loc in locations if loc.slug == slug), None)
        if location is None and locations:
            location = locations[0]
        consultations = (
            consultations_for_staff(location=location, now=timezone.now()) if location else []
        )
        return {
            "locations": locations,
            "location": location,
            "consultations": consultations,
            "outcomes": OutcomeForm.base_fields["outcome"].choices,
        }


class StaffConsultationOutcomeView(StaffRequiredMixin, View):
    permissions = (CHANGE_CONSULTATIONS,)

    def post(self, request, pk):
        consultation = get_object_or_404(Consultation.objects.booked(), pk=pk)
        form = OutcomeForm(request.POST)
        if form.is_valid():
            recorded = services.consultation_record_outcome(
                consultation=consultation, outcome=form.cleaned_data["outcome"]
            )
            messages.success(request, f"{recorded.full_name}: {recorded.get_outcome_display()}.")
        else:
            messages.error(request, "Choose called, no answer or converted.")
        return redirect(
            f"{reverse('patients:staff_consultations')}?location={consultation.location.slug}"
        )
