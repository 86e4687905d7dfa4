from django.contrib import messages
from django.shortcuts import redirect, render

from patients.selectors import patient_for_request

from ..reminders.services import reminder_channels_for, reminder_channels_set
from .forms import ChannelsForm


def my_reminder_channels(request):
    patient = patient_for_request(request)
    channels = reminder_channels_for(patient)
    form = None
    if patient.phone:
        # An unticked box posts nothing: the form is bound by the method, not by the data.
        form = ChannelsForm(
            request.POST if request.method == "POST" else None,
            phone=patient.phone,
            initial={"sms": channels.sends_sms},
        )
        if form.is_valid():
            reminder_channels_set(patient, sms=form.cleaned_data["sms"])
            messages.success(
                request,
                "Your infusions' reminders will come by e-mail and text message."
                if form.cleaned_data["sms"]
                else "Your infusions' reminders will come by e-mail only.",
            )
            return redirect("infusions:my_reminder_channels")
    return render(
        request,
        "infusions/preferences/channels.html",
        {"form": form, "channels": channels},
    )
