"""The filters of the event lists. Their state lives in the URL (`?typ=webinar&ar=2019&q=…`)."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from secretariat.content.filters import FilterSelect, OffersChosenMixin, most_named
from secretariat.operations.page_cache import remember

from .models import Event, Organisation

# The organiser select: those with most public events, plus one chosen elsewhere
# (an organisation's page). A long history can hold hundreds of organisers.
ORGANISER_CHOICES = 100


def _public_organisers():
    return Organisation.objects.filter(
        Exists(Event.objects.published().filter(organisers=OuterRef("pk")))
    )


def _most_active_organisers():
    """The ``ORGANISER_CHOICES`` organisers of most public events, as (slug, name) by name."""

    def compute():
        organising = Event.organisers.through.objects.filter(event__in=Event.objects.published())
        return most_named(Organisation, organising, "organisation_id", ORGANISER_CHOICES)

    return remember("events:filter:organisers", compute)


def _topic_choices():
    """The topics of public events, as (slug, name) by name."""

    def compute():
        # A semi-join on taggit's (content type, object) index, not a scan of
        # every tagged article.
        topics = Tag.objects.filter(
            Exists(Event.objects.published().filter(tags=OuterRef("pk")))
        ).order_by("name")
        return list(topics.values_list("slug", "name"))

    return remember("events:filter:topics", compute)


class EventFilter(OffersChosenMixin, django_filters.FilterSet):
    FORMATS = [("online", _("Online")), ("pa-plats", _("On site"))]

    typ = django_filters.ChoiceFilter(
        field_name="kind",
        choices=Event.Kind.choices,
        label=_("Kind"),
        empty_label=_("All kinds"),
        widget=FilterSelect,
    )
    ar = django_filters.ChoiceFilter(
        field_name="starts_at",
        lookup_expr="year",
        label=_("Year"),
        empty_label=_("All years"),
        widget=FilterSelect,
    )
    organisation = django_filters.ChoiceFilter(
        field_name="organisers__slug",
        label=_("Organiser"),
        empty_label=_("All organisers"),
        widget=FilterSelect,
        distinct=True,
    )
    amne = django_filters.ChoiceFilter(
        field_name="tags__slug",
        choices=lambda: _topic_choices(),
        label=_("Topic"),
        empty_label=_("All topics"),
        widget=FilterSelect,
        distinct=True,
    )
    format = django_filters.ChoiceFilter(
        choices=FORMATS,
        method="filter_format",
        label=_("Format"),
        empty_label=_("Any format"),
        widget=FilterSelect,
    )
    # Declared last, so applied last: the search keeps a limited number of
    # matches, which the other filters must narrow first, not after.
    q = django_filters.CharFilter(label=_("Search words"), method="filter_search")

    class Meta:
        model = Event
        fields = []

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["ar"].extra["choices"] = [(year, str(year)) for year in years]
        self.filters["organisation"].extra["choices"] = lambda: self.with_chosen(
            "organisation", _most_active_organisers(), _public_organisers
        )

    def filter_search(self, queryset, name, value):
        # The matches in the list's own order (by date), not ranked as on /sok/.
        return queryset.search(value).order_by(*queryset.query.order_by)

    def filter_format(self, queryset, name, value):
        if value == "online":
            return queryset.exclude(online_url="")
        return queryset.filter(~Q(venue="") | ~Q(city=""))
