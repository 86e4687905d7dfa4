from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import forms as auth_forms

from clinic.lib.forms import EmailAddressField
from clinic.outbox.services import email_enqueue

from . import tasks
from .models import User


class LoginForm(auth_forms.AuthenticationForm):
    # An address longer than any mailbox's is refused here, before the account lookup and
    # django-axes (whose record of the attempt could not store it) see it.
    username = EmailAddressField(
        label="E-mail address",
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    def __init__(self, *args, account_limited=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.account_limited = account_limited
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Log in"))

    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": "That e-mail address and password do not match an account. "
        "Passwords are case-sensitive.",
        "unconfirmed": "Please confirm your e-mail address first. We have just sent the link "
        "again; it works for three days.",
        "account_limited": "There have been too many attempts to log in to this account in "
        "the last hour, so logging in to it is paused for up to an hour. Please try again "
        "later; if the attempts were not yours, choose a new password with the link below.",
    }

    def clean(self):
        if self.account_limited and self.cleaned_data.get("username"):
            # The password is not checked at all, so guessing from many networks gains nothing.
            raise forms.ValidationError(
                self.error_messages["account_limited"], code="account_limited"
            )
        try:
            return super().clean()
        except forms.ValidationError:
            user = self._unconfirmed_account()
            if user is None:
                raise
            email_enqueue(tasks.send_email_confirmation, user_id=user.pk)
            raise forms.ValidationError(
                self.error_messages["unconfirmed"], code="unconfirmed"
            ) from None

    def _unconfirmed_account(self):
        """A new account whose owner typed the right password but never confirmed the
        address (an account switched off by staff has logged in before, and stays off)."""
        email, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if not email or not password:
            return None
        user = User.objects.filter(
            email__iexact=email, is_active=False, last_login__isnull=True
        ).first()
        return user if user is not None and user.check_password(password) else None


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Sends the reset link through the outbox, so a slow mail server never holds the page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Send me a reset link"))

    def save(self, domain_override=None, request=None, use_https=False, **kwargs):
        domain = domain_override or request.get_host()
        for user in self.get_users(self.cleaned_data["email"]):
            email_enqueue(
                tasks.send_password_reset_email,
                user_id=user.pk,
                domain=domain,
                use_https=use_https,
            )


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Set my new password"))


class SecondFactorForm(forms.Form):
    """A code from the authenticator app, or one of the backup codes."""

    code = forms.CharField(
        label="Code",
        max_length=32,
        help_text="The 6 digits your authenticator app shows now, or one of your backup codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, submit_label="Continue", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False  # the page's form also carries where to go next
        self.helper.disable_csrf = True
        self.helper.add_input(Submit("submit", submit_label))

    def forget_code(self):
        """A refused code is not shown again (it may be a good backup code, sent too soon)."""
        self.data = self.data.copy()
        self.data["code"] = ""


class AuthenticatorSetupForm(SecondFactorForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, submit_label="Turn on two-step sign-in", **kwargs)
        self.fields["code"].help_text = "The 6 digits the app shows for this account."
        self.fields["code"].widget.attrs.update(inputmode="numeric", autofocus=False)
