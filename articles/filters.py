"""The article list's filters. Their state lives in the query string, so a
filtered list can be shared and bookmarked: ?amne=a&amne=b&ar=2019&forfattare=…&sprak=en&q=…"""

import functools

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag, TaggedItem

from events.models import Person
from secretariat.content.filters import FilterSelect, OffersChosenMixin, most_named
from secretariat.operations.page_cache import remember

from .models import Article, Authorship

# The tag checkboxes: the most used tags (a long archive has well over a
# thousand), plus any that the visitor has chosen. The tag index lists the rest.
TAG_CHOICES = 30
# The author select: those who wrote most, plus the one chosen (a person's page
# links to the list of their articles). A secretariat has fewer; a long archive
# of guest writers could have thousands, too many for one select.
AUTHOR_CHOICES = 100
# Both are counted on the newest published articles: the topics and writers of
# current news. That is the whole archive of a secretariat (about a thousand
# articles), and on a longer one the count costs the same as on that.
RECENT_ARTICLES = 1000


def _year_choices():
    def compute():
        years = Article.objects.published().dates("published_at", "year", order="DESC")
        return [(day.year, day.year) for day in years]

    return remember("articles:filter:years", compute)


def _recent_articles():
    """The ``RECENT_ARTICLES`` newest published articles' keys, as a subquery."""
    return Article.objects.published().values("pk")[:RECENT_ARTICLES]


def _most_used_tags():
    """The ``TAG_CHOICES`` tags on most recent articles, as (slug, name) by name."""

    def compute():
        items = TaggedItem.objects.filter(
            content_type=ContentType.objects.get_for_model(Article),
            object_id__in=_recent_articles(),
        )
        return most_named(Tag, items, "tag_id", TAG_CHOICES)

    return remember("articles:filter:tags", compute)


def _most_writing_authors():
    """The ``AUTHOR_CHOICES`` people with most recent articles, as (slug, name) by name."""

    def compute():
        authorships = Authorship.objects.filter(article__in=_recent_articles())
        return most_named(Person, authorships, "person_id", AUTHOR_CHOICES)

    return remember("articles:filter:authors", compute)


def _public_authors():
    """Everyone who wrote a published article."""
    return Person.objects.filter(
        Exists(
            Authorship.objects.filter(
                person=OuterRef("pk"), article__in=Article.objects.published()
            )
        )
    )


class ArticleFilter(OffersChosenMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search words"), method="filter_search")
    amne = django_filters.MultipleChoiceFilter(
        label=_("Tags"),
        method="filter_tags",
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Articles with all the chosen tags."),
    )
    ar = django_filters.ChoiceFilter(
        label=_("Year"),
        method="filter_year",
        empty_label=_("All years"),
        widget=FilterSelect,
    )
    forfattare = django_filters.ChoiceFilter(
        label=_("Author"),
        field_name="authors__slug",
        empty_label=_("All authors"),
        widget=FilterSelect,
    )
    sprak = django_filters.ChoiceFilter(
        label=_("Language"),
        field_name="language",
        choices=Article.Language.choices,
        empty_label=_("All languages"),
        widget=FilterSelect,
    )

    class Meta:
        model = Article
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Callables, so the choices are found only if the form is shown or one is
        # chosen, and once per list however often the form reads them (functions,
        # not bound methods, which forms would deep-copy).
        self.filters["amne"].extra["choices"] = functools.cache(
            lambda: self.with_chosen(
                "amne", _most_used_tags(), lambda: Article.objects.published().tags()
            )
        )
        self.filters["forfattare"].extra["choices"] = functools.cache(
            lambda: self.with_chosen("forfattare", _most_writing_authors(), _public_authors)
        )
        self.filters["ar"].extra["choices"] = functools.cache(_year_choices)

    def filter_queryset(self, queryset):
        # The search last: it ranks a limited number of matches, which the
        # other filters must narrow first, not after.
        data = self.form.cleaned_data
        for name in sorted(data, key=lambda name: name == "q"):
            queryset = self.filters[name].filter(queryset, data[name])
        return queryset

    def filter_tags(self, queryset, name, value):
        # Several tags narrow the list: each must be on the article.
        tag_ids = list(Tag.objects.filter(slug__in=value).values_list("pk", flat=True))
        if len(tag_ids) < len(set(value)):
            return queryset.none()
        for tag_id in tag_ids:
            queryset = queryset.with_tag(tag_id)
        return queryset

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_year(self, queryset, name, value):
        return queryset.in_year(int(value))  # One of the choices, so a number.

    @property
    def is_filtered(self):
        return self.is_bound and any(self.form.cleaned_data.get(name) for name in self.filters)
