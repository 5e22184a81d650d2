"""List filters the apps' admins share."""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Q
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag, TaggedItem

from secretariat.content.filters import most_named
from secretariat.operations.page_cache import remember


class YearFilter(admin.SimpleListFilter):
    """The years that ``date_field`` takes, newest first; a subclass names the field."""

    title = _("year")
    parameter_name = "year"
    date_field = None

    def lookups(self, request, model_admin):
        def years():
            days = model_admin.model._default_manager.dates(self.date_field, "year", order="DESC")
            return [(str(day.year), str(day.year)) for day in days]

        # A scan of every row (50,000 articles): remembered until content changes.
        return remember(f"admin:filter:{model_admin.model._meta.label}:years", years)

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(**{f"{self.date_field}__year": int(self.value())})
        return queryset


class RelatedSearchFilter(admin.SimpleListFilter):
    """A list filter for a relation with thousands of values (tags, authors, organisers).

    It offers the ``shown`` most used values as links, plus the chosen one, and a
    box to type any other: a slug or part of a name, e.g. "Høyland". It works
    without JavaScript, and it never prints every value. A subclass names the
    related ``model`` (with ``slug`` and ``name``) and ``links``: the rows that
    join the listed objects to it, with their ``link_column`` (the related row)
    and ``object_column`` (the listed object).
    """

    template = "admin/related_search_filter.html"
    model = None
    link_column = None
    object_column = None
    shown = 10

    def __init__(self, request, params, model, model_admin):
        self.listed = model  # Before super(), which asks for the lookups.
        super().__init__(request, params, model, model_admin)
        # The box's form keeps the list's other filters, search and ordering.
        self.other_params = [
            (name, value)
            for name, values in request.GET.lists()
            if name not in (self.parameter_name, "p")
            for value in values
        ]

    def links(self):
        raise NotImplementedError

    def lookups(self, request, model_admin):
        def most_used():
            return most_named(self.model, self.links(), self.link_column, self.shown)

        # One aggregate over every link (~200,000 tagged rows at full size):
        # remembered until content changes.
        key = f"admin:filter:{model_admin.model._meta.label}:{self.parameter_name}"
        choices = remember(key, most_used)
        value = self.value()
        if value and value not in {slug for slug, name in choices}:
            # Typed, or chosen elsewhere: shown as it reads in the address.
            choices = [*choices, (value, value)]
        return choices

    def queryset(self, request, queryset):
        value = (self.value() or "").replace("\x00", "").strip()
        if not value:
            return queryset
        # The one with that address (a link above), else every name containing the text.
        by_slug = self.model.objects.filter(slug=value)
        matching = self.model.objects.filter(
            Q(slug=value) | Q(name__icontains=value) & ~Exists(by_slug)
        )
        linked = self.links().filter(**{f"{self.link_column}__in": matching})
        return queryset.filter(pk__in=linked.values(self.object_column))


class TagFilter(RelatedSearchFilter):
    """Articles or events by tag: the most used tags, or any typed."""

    title = _("tags")
    parameter_name = "tag"
    model = Tag
    link_column = "tag_id"
    object_column = "object_id"

    def links(self):
        content_type = ContentType.objects.get_for_model(self.listed)
        return TaggedItem.objects.filter(content_type=content_type)
