"""What the public list filters share."""

from django import forms
from django.db.models import Count


def most_named(model, links, column, limit):
    """The ``limit`` rows of ``model`` that ``links`` name most often in ``column``
    (e.g. taggit's items and ``"tag_id"``), as (slug, name) by name.

    The choices of a list too long to offer whole: the most used tags, the
    authors who wrote most, the busiest organisers.
    """
    most = links.values(column).annotate(uses=Count(column)).order_by("-uses", column)[:limit]
    named = model.objects.filter(pk__in=most.values(column)).order_by("name")
    return list(named.values_list("slug", "name"))


class OffersChosenMixin:
    """For a FilterSet whose long lists of choices offer only the most used ones."""

    def with_chosen(self, name, choices, public):
        """``choices`` plus the ones chosen elsewhere (a tag, person or organisation
        page, a shared link) that ``public()`` holds, by label, so that the filter
        shows and can undo them."""
        shown = {slug for slug, label in choices}
        chosen = set(self.data.getlist(name) if self.is_bound else ()) - shown
        # No slug holds a NUL, and PostgreSQL refuses one in a query.
        chosen = {slug for slug in chosen if "\x00" not in slug}
        if not chosen:
            return choices
        found = public().filter(slug__in=chosen).values_list("slug", "name")
        return sorted([*choices, *found], key=lambda choice: choice[1])


class FilterSelect(forms.Select):
    """Django's select, its options written in one template
    (``secretariat/templates/forms/widgets/select.html``) rather than a template
    each: a filter's select holds a hundred options and more, which costs 15 ms
    a select the one way and 5 ms the other. Flat choices only, no option groups."""

    template_name = "forms/widgets/select.html"
