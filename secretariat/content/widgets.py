"""Form widgets of the public pages."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A select written in one go, for the public filters (some have hundreds of options).

    Django's own select renders a template for every option, and even
    ``format_html`` per option costs milliseconds a page with hundreds of them;
    the standard library's ``escape`` does not. Flat choices only (no option groups).
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(item) for item in self.format_value(value)}
        options = "\n".join(
            f'<option value="{escape(str(choice))}"'
            f"{' selected' if str(choice) in chosen else ''}>{escape(str(label))}</option>"
            for choice, label in self.choices
        )
        attrs = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attrs}>\n{options}\n</select>')  # noqa: S308
