"""Sign-up and the link that confirms a patient's e-mail address."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django_ratelimit.decorators import ratelimit

from . import services
from .forms import SignupForm


@login_not_required
@ratelimit(key="ip", rate="10/h", method="POST", block=False)
def signup(request):
    if request.user.is_authenticated:
        return redirect("accounts:home")
    invite_token = request.POST.get("invite") or request.GET.get("invite")
    invitation = services.invited_consultation(invite_token)
    initial = {}
    if invitation:
        first, _, last = invitation.full_name.partition(" ")
        initial = {"first_name": first, "last_name": last, "email": invitation.email}
    form = SignupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if getattr(request, "limited", False):
            form.add_error(None, "Too many sign-ups from your network just now; try in an hour.")
        elif services.is_repeat_sign_up(email=email, password=form.cleaned_data["password1"]):
            # A double-click: the first click made the account; answer as it was answered.
            return render(request, "patients/signup/check_email.html", {"email": email})
        else:
            user = services.patient_sign_up(
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                email=email,
                password=form.cleaned_data["password1"],
                invitation=invitation,
            )
            if user is not None and user.is_active:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                messages.success(request, "Welcome. Your account is ready.")
                return redirect("accounts:home")
            # The same answer whether the address is new or already has an account (its
            # owner is told by e-mail), so the page tells no one which addresses are known.
            return render(request, "patients/signup/check_email.html", {"email": email})
    return render(
        request,
        "patients/signup/form.html",
        {"form": form, "invite": invite_token if invitation else ""},
    )


@login_not_required
def signup_confirm(request, token):
    user = services.patient_confirm_email(token=token)
    if user is None:
        return render(request, "patients/signup/link_expired.html", status=400)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, "Thank you: your e-mail address is confirmed.")
    return redirect("accounts:home")
