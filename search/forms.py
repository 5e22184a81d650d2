"""The search form: the words, and optionally one kind of content."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .kinds import KINDS


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search words"), required=False)
    typ = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("", _("Everything")), *((kind.slug, kind.label) for kind in KINDS)],
    )

    def clean_q(self):
        # PostgreSQL refuses NUL in a query, and no word holds one.
        return self.cleaned_data["q"].replace("\x00", " ").strip()
