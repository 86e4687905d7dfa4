from django import forms


class ClosureRequestForm(forms.Form):
    reason = forms.CharField(
        label="Why are you leaving? (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Please keep the reason under 1,000 characters."},
    )
    confirm = forms.BooleanField(
        label="I understand my account will be closed and I will no longer be able to sign in.",
        error_messages={"required": "Tick the box to confirm you want your account closed."},
    )
