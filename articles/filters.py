"""The article list's filters. Their state lives in the query string, so a
filtered list can be shared and bookmarked: ?amne=a&amne=b&ar=2019&forfattare=…&sprak=en&q=…"""

from datetime import datetime

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from events.models import Person

from .models import Article


def _year_choices():
    years = Article.objects.published().dates("published_at", "year", order="DESC")
    return [(day.year, day.year) for day in years]


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search words"), method="filter_search")
    amne = django_filters.ModelMultipleChoiceFilter(
        label=_("Tags"),
        field_name="tags__slug",
        to_field_name="slug",
        queryset=Tag.objects.none(),
        conjoined=True,  # Several tags narrow the list: each must be on the article.
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Articles with all the chosen tags."),
    )
    ar = django_filters.ChoiceFilter(
        label=_("Year"),
        choices=_year_choices,
        method="filter_year",
        empty_label=_("All years"),
    )
    forfattare = django_filters.ModelChoiceFilter(
        label=_("Author"),
        field_name="authors",
        to_field_name="slug",
        queryset=Person.objects.none(),
        empty_label=_("All authors"),
    )
    sprak = django_filters.ChoiceFilter(
        label=_("Language"),
        field_name="language",
        choices=Article.Language.choices,
        empty_label=_("All languages"),
    )

    class Meta:
        model = Article
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        published = Article.objects.published()
        self.filters["amne"].queryset = published.tags()
        self.filters["forfattare"].queryset = (
            Person.objects.filter(authorships__article__in=published.values("pk"))
            .distinct()
            .order_by("name")
        )

    def filter_queryset(self, queryset):
        # The search last: it ranks a limited number of matches, which the
        # other filters must narrow first, not after.
        data = self.form.cleaned_data
        for name in sorted(data, key=lambda name: name == "q"):
            queryset = self.filters[name].filter(queryset, data[name])
        return queryset

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_year(self, queryset, name, value):
        # A range on the column itself, so the index on published_at serves it.
        year = int(value)  # One of the choices, so a number.
        start = datetime(year, 1, 1, tzinfo=timezone.get_current_timezone())
        return queryset.filter(
            published_at__gte=start, published_at__lt=start.replace(year=year + 1)
        )

    @property
    def is_filtered(self):
        return self.is_bound and any(self.form.cleaned_data.get(name) for name in self.filters)
