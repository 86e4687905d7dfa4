"""The waitlist's pages: the front desk's list and the offer of a freed time; the patient's
own waitlist; and the page an offer's e-mail links to, where the first claim wins."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from clinic.accounts.permissions import StaffRequiredMixin
from clinic.lib.forms import form_add_service_errors
from clinic.lib.signed_links import read_token
from clinic.locations.models import Location
from patients.selectors import patient_for_request

from ..booking.services import Booked, default_type
from ..eligibility import infusion_eligibility
from ..models import WaitlistEntry
from ..permissions import BOOK_OWN
from . import selectors, services
from .forms import FreedTimeForm, OfferForm, PreferencesForm, StaffEntryForm
from .tasks import INVITE_LINK, claim_token

# The roles holding these are in clinic/accounts/roles.py: the front desk and clinic admins.
VIEW_WAITLIST = "infusions.view_waitlistentry"
ADD_TO_WAITLIST = "infusions.add_waitlistentry"
CHANGE_WAITLIST = "infusions.change_waitlistentry"


def _when(location, instant) -> str:
    local = location.local_time(instant)
    return f"{local:%A, %B %-d at %-I:%M %p} ({location.time_zone_name})"


# The front desk --------------------------------------------------------------------------


class WaitlistView(StaffRequiredMixin, TemplateView):
    """Who is waiting at each location, first come first."""

    permissions = (VIEW_WAITLIST,)
    template_name = "infusions/waitlist/staff_list.html"

    def get_context_data(self, **kwargs):
        locations = Location.objects.bookable().order_by("name")
        asked = self.request.GET.get("location", "")
        known = asked.isdecimal() and len(asked) < 10  # anything else is no location of ours
        chosen = locations.filter(pk=int(asked)).first() if known else None
        return {
            "locations": locations,
            "chosen": chosen,
            "groups": selectors.waitlist_by_location(location=chosen),
        }


class WaitlistAddView(StaffRequiredMixin, View):
    permissions = (ADD_TO_WAITLIST,)

    def get(self, request):
        initial = {"location": request.GET.get("location"), "appointment_type": default_type()}
        return self._render(StaffEntryForm(initial=initial))

    def post(self, request):
        form = StaffEntryForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                entry = services.waitlist_join(
                    patient=data["patient"],
                    location=data["location"],
                    appointment_type=data["appointment_type"],
                    preferred_weekdays=data["preferred_weekdays"],
                    earliest=data["earliest"],
                    latest=data["latest"],
                    added_by=request.user,
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                patient = entry.patient
                messages.success(
                    request,
                    f"{patient.legal_name or patient.display_name} is on the waitlist for "
                    f"{entry.location.name}.",
                )
                return redirect(f"{reverse('infusions:waitlist')}?location={entry.location_id}")
        return self._render(form, status=400)

    def _render(self, form, status=200):
        return render(
            self.request, "infusions/waitlist/staff_add.html", {"form": form}, status=status
        )


class WaitlistWithdrawView(StaffRequiredMixin, View):
    permissions = (CHANGE_WAITLIST,)

    def post(self, request, pk):
        entry = get_object_or_404(
            WaitlistEntry.objects.select_related("patient", "location"), pk=pk
        )
        name = entry.patient.legal_name or entry.patient.display_name
        if services.waitlist_withdraw(entry=entry):
            messages.success(request, f"{name} is off the waitlist for {entry.location.name}.")
        else:
            messages.info(request, f"{name} was no longer waiting there.")
        return redirect(f"{reverse('infusions:waitlist')}?location={entry.location_id}")


class WaitlistFitsView(StaffRequiredMixin, View):
    """A chair has freed up: the waiting patients the time fits, to offer it to."""

    permissions = (VIEW_WAITLIST,)
    template_name = "infusions/waitlist/fits.html"

    def get(self, request):
        freed = FreedTimeForm(request.GET)
        if not freed.is_valid():
            return render(request, self.template_name, {"freed": freed}, status=400)
        return self._render(freed, None)

    def post(self, request):
        if not request.user.has_perm(CHANGE_WAITLIST):
            raise PermissionDenied
        freed = FreedTimeForm(request.GET)
        if not freed.is_valid():
            return render(request, self.template_name, {"freed": freed}, status=400)
        chair, starts_at = freed.cleaned_data["chair"], freed.cleaned_data["starts_at"]
        candidates = selectors.waitlist_fits(chair=chair, starts_at=starts_at)
        form = OfferForm(request.POST, candidates=candidates)
        if form.is_valid():
            try:
                offer = services.waitlist_offer_make(
                    chair=chair,
                    starts_at=starts_at,
                    entries=form.cleaned_data["entries"],
                    made_by=request.user,
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                count = offer.invites.count()
                patients = "patient" if count == 1 else "patients"
                messages.success(
                    request,
                    f"The time is offered to {count} {patients} by e-mail. The first to take "
                    "it is booked.",
                )
                return redirect(request.get_full_path())
        # Read again: a refusal may come from a change since the list was read above.
        return self._render(freed, form, status=400)

    def _render(self, freed, form, status=200):
        chair, starts_at = freed.cleaned_data["chair"], freed.cleaned_data["starts_at"]
        location = chair.location
        candidates = selectors.waitlist_fits(chair=chair, starts_at=starts_at)
        if form is None:
            form = OfferForm(candidates=candidates)
        ticked = {str(v) for v in (form.data.getlist("entries") if form.is_bound else [])}
        notice_hours = location.booking_notice_hours
        too_soon = starts_at < timezone.now() + timedelta(hours=notice_hours)
        return render(
            self.request,
            self.template_name,
            {
                "freed": freed,
                "form": form,
                "chair": chair,
                "location": location,
                "when": _when(location, starts_at),
                "fitting": [c for c in candidates if c.fits],
                "not_fitting": [c for c in candidates if not c.fits],
                "ticked": ticked,
                "too_soon_to_offer": too_soon,
                "can_offer": not too_soon and self.request.user.has_perm(CHANGE_WAITLIST),
                "anyone_to_offer": any(c.offerable for c in candidates),
                "notice_hours": notice_hours,
            },
            status=status,
        )


# The patient -----------------------------------------------------------------------------


def _patient(request):
    patient = patient_for_request(request)
    if not request.user.has_perm(BOOK_OWN):
        raise PermissionDenied
    return patient


def my_waitlist(request):
    """The patient's own places on the waitlist, the times offered to them, and joining."""
    patient = _patient(request)
    form = PreferencesForm(request.POST or None)
    eligibility = infusion_eligibility(patient=patient)
    if request.method == "POST" and eligibility.allowed and form.is_valid():
        data = form.cleaned_data
        kind = default_type()
        try:
            if kind is None:
                raise ValidationError("Infusions cannot be booked online at the moment.")
            entry = services.waitlist_join(
                patient=patient,
                location=data["location"],
                appointment_type=kind,
                preferred_weekdays=data["preferred_weekdays"],
                earliest=data["earliest"],
                latest=data["latest"],
                added_by=request.user,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"You are on the waitlist for {entry.location.name}. We will e-mail you when "
                "a time that suits you opens up.",
            )
            return redirect("infusions:my_waitlist")
    invites = selectors.open_invites_of_patient(patient=patient)
    return render(
        request,
        "infusions/waitlist/mine.html",
        {
            "form": form,
            "eligibility": eligibility,
            "rows": selectors.waitlist_of_patient(patient=patient),
            "offers": [
                (
                    invite.offer.chair.location.name,
                    _when(invite.offer.chair.location, invite.offer.starts_at),
                    claim_token(invite.pk),
                )
                for invite in invites
            ],
        },
        status=400 if form.errors else 200,
    )


@require_POST
def my_waitlist_leave(request, pk):
    patient = _patient(request)
    entry = get_object_or_404(
        WaitlistEntry.objects.select_related("location"),
        pk=pk,
        patient=patient,
        status=WaitlistEntry.Status.WAITING,
    )
    services.waitlist_withdraw(entry=entry)
    messages.success(request, f"You have left the waitlist for {entry.location.name}.")
    return redirect("infusions:my_waitlist")


# The offer's link ------------------------------------------------------------------------


def waitlist_claim(request, token):
    """What the offer's e-mail links to. A patient page: the invite must be the signed-in
    patient's, and anything else looks like a link that does not exist."""
    patient = _patient(request)
    pk = read_token(INVITE_LINK, token)
    invite = selectors.invite_for_patient(pk=pk, patient=patient) if pk is not None else None
    if invite is None:
        return render(request, "infusions/waitlist/claim_not_found.html", status=404)
    offer = invite.offer
    location = offer.chair.location
    kind = offer.appointment_type
    context = {
        "offer": offer,
        "location": location,
        "when": _when(location, offer.starts_at),
        "minutes": kind.infusion_minutes + kind.recovery_minutes,
    }
    refusal, status = None, 200
    if request.method == "POST":
        try:
            appointment = services.waitlist_offer_claim(invite=invite, by=request.user)
        except services.OfferGone:
            offer.refresh_from_db()
            if selectors.offer_state(invite, patient=patient) == "yours":  # a second click
                return redirect("patients:dashboard")
            status = 409
        except ValidationError as error:
            refusal, status = " ".join(error.messages), 400
        else:
            messages.success(request, f"This time is yours: {Booked.of(appointment)}.")
            return redirect("patients:dashboard")
    state = selectors.offer_state(invite, patient=patient)
    if state == "ended":
        return render(request, "infusions/waitlist/claim_ended.html", context, status=410)
    return render(
        request,
        "infusions/waitlist/claim.html",
        {**context, "state": state, "refusal": refusal},
        status=status,
    )
