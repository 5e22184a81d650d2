from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Subscriber


class SignupForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address in the form name@example.org."),
        },
    )
    name = forms.CharField(
        label=_("Name (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    consent = forms.BooleanField(
        error_messages={
            "required": _("Tick the box to show that you agree, or we cannot send the newsletter.")
        },
    )
    # Left empty by people (it is hidden from them); bots fill in every field.
    website = forms.CharField(required=False)
    source = forms.ChoiceField(
        choices=Subscriber.Source.choices, required=False, widget=forms.HiddenInput
    )

    def is_bot(self):
        return bool(self.cleaned_data.get("website"))

    def clean_source(self):
        return self.cleaned_data["source"] or Subscriber.Source.SIGNUP_PAGE
