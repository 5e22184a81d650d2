"""The filters of the event lists. Their state lives in the URL (`?typ=webinar&ar=2019`)."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from .models import Event, Organisation


class EventFilter(django_filters.FilterSet):
    FORMATS = [("online", _("Online")), ("pa-plats", _("On site"))]

    typ = django_filters.ChoiceFilter(
        field_name="kind", choices=Event.Kind.choices, label=_("Kind"), empty_label=_("All kinds")
    )
    ar = django_filters.ChoiceFilter(
        field_name="starts_at",
        lookup_expr="year",
        label=_("Year"),
        empty_label=_("All years"),
    )
    organisation = django_filters.ModelChoiceFilter(
        field_name="organisers",
        to_field_name="slug",
        queryset=Organisation.objects.filter(events__in=Event.objects.published()).distinct(),
        label=_("Organiser"),
        empty_label=_("All organisers"),
        distinct=True,
    )
    amne = django_filters.ModelChoiceFilter(
        field_name="tags",
        to_field_name="slug",
        # The topics of public events: a semi-join on taggit's (content type,
        # object) index, not a scan of every tagged article.
        queryset=Tag.objects.filter(
            Exists(Event.objects.published().filter(tags=OuterRef("pk")))
        ).order_by("name"),
        label=_("Topic"),
        empty_label=_("All topics"),
        distinct=True,
    )
    format = django_filters.ChoiceFilter(
        choices=FORMATS, method="filter_format", label=_("Format"), empty_label=_("Any format")
    )

    class Meta:
        model = Event
        fields = []

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["ar"].extra["choices"] = [(year, str(year)) for year in years]

    def filter_format(self, queryset, name, value):
        if value == "online":
            return queryset.exclude(online_url="")
        return queryset.filter(~Q(venue="") | ~Q(city=""))
