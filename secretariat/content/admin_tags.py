"""Tags in the admin: taggit's text box, with suggestions from the tags that exist."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagWidget
from taggit.managers import TaggableManager
from taggit.models import Tag


class TagSuggestionsWidget(TagWidget):
    """taggit's text box of comma-separated tags, with suggestions from existing tags.

    Without JavaScript it is the plain text box. With it (``tag-suggestions.js``),
    the tag being typed is looked up through the admin's own autocomplete view
    and existing tags are offered in a ``<datalist>``; typed tags that do not
    exist yet are named under the box, so a new tag is a visible choice.
    """

    template_name = "secretariat/widgets/tag_suggestions.html"

    class Media:
        # Deferred: it looks for the fields once the page is parsed.
        js = [forms.Script("js/tag-suggestions.js", defer=True)]

    def __init__(self, source, attrs=None):
        opts = source.model._meta
        query = urlencode(
            {"app_label": opts.app_label, "model_name": opts.model_name, "field_name": source.name}
        )
        self.suggestions_url = f"{reverse_lazy('admin:autocomplete')}?{query}"
        super().__init__(attrs={"autocomplete": "off", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        attrs = context["widget"]["attrs"]
        attrs["data-tag-suggestions"] = self.suggestions_url
        attrs["list"] = f"{attrs.get('id', name)}-suggestions"
        return context


class TagSuggestions:
    """Mixin for a ``ModelAdmin``: its taggit fields suggest existing tags, and saving
    says which tags were new (so an editor without JavaScript sees it too)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, TaggableManager):
            kwargs["widget"] = TagSuggestionsWidget(db_field)
            kwargs["help_text"] = _(
                "Separate tags with commas. Existing tags are suggested as you type; "
                "a tag that does not exist yet is created."
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        names = {
            name
            for field in self.model._meta.get_fields()
            if isinstance(field, TaggableManager) and field.name in form.cleaned_data
            for name in form.cleaned_data[field.name]
        }
        existing = set(Tag.objects.filter(name__in=names).values_list("name", flat=True))
        super().save_related(request, form, formsets, change)
        if new := sorted(names - existing):
            self.message_user(
                request,
                _("New tags created: %(names)s") % {"names": ", ".join(new)},
                messages.INFO,
            )
