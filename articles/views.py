"""The public news pages: front page, list, tags, archive, article, preview."""

import json
from itertools import groupby

from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, RedirectView, TemplateView
from django.views.generic.dates import MonthArchiveView, YearArchiveView
from django_filters.views import FilterView
from taggit.models import TaggedItem

from events.models import Event
from secretariat.content.links import absolute_url
from secretariat.content.pagination import ArchivePaginator
from secretariat.operations.page_cache import remember

from .filters import ArticleFilter
from .models import Article, Hero

PAGE_SIZE = 20


def query_without_page(request):
    """The query string without `page`, for the pagination links (filters stay)."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


class HomeView(TemplateView):
    template_name = "articles/home.html"
    latest_count = 6

    def get_context_data(self, **kwargs):
        articles = Article.objects.published()
        # The featured article shows its title, date and lead: nothing to prefetch.
        featured = articles.filter(is_featured=True).defer("body", "search_vector").first()
        latest = (articles.exclude(pk=featured.pk) if featured else articles).for_listing()
        return super().get_context_data(
            hero=Hero.objects.active().first(),
            featured=featured,
            latest=latest[: self.latest_count],
            upcoming_events=Event.objects.upcoming().for_listing()[:4],
            **kwargs,
        )


class PublishedArticlesMixin:
    """A paginated list of published articles, as every news list shows them."""

    paginate_by = PAGE_SIZE
    paginator_class = ArchivePaginator

    def get_queryset(self):
        return Article.objects.published().for_listing()

    def get_paginator(self, queryset, per_page, **kwargs):
        # The list is its address without the page: a tag, a month, a filter.
        key = f"{self.request.path}?{query_without_page(self.request)}"
        return self.paginator_class(queryset, per_page, key=key, **kwargs)


class ArticleListView(PublishedArticlesMixin, FilterView):
    """All published news, filtered by tags, year, author, language and words."""

    filterset_class = ArticleFilter
    template_name = "articles/article_list.html"
    # A filter with an invalid value shows the form's error, not an empty page.
    strict = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            query=query_without_page(self.request),
            search_query=self.request.GET.get("q", ""),
            **kwargs,
        )


class ArticleSearchView(RedirectView):
    """The news search's old address: the site search, showing news, the words kept."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        query = self.request.GET.copy()
        query["typ"] = "nyheter"
        return f"{reverse('search:results')}?{query.urlencode()}"


def published_tag_counts():
    """Each tag used by a published article, with the number of such articles."""
    return (
        TaggedItem.objects.filter(
            content_type=ContentType.objects.get_for_model(Article),
            object_id__in=Article.objects.published().values("pk"),
        )
        .values("tag__name", "tag__slug")
        .annotate(count=Count("pk"))
        .order_by("tag__name")
    )


class TagIndexView(TemplateView):
    template_name = "articles/tag_index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(tags=published_tag_counts(), **kwargs)


class TagView(PublishedArticlesMixin, ListView):
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        # A tag only drafts carry is not public yet: its page does not exist.
        self.tag = get_object_or_404(Article.objects.published().tags(), slug=self.kwargs["slug"])
        return super().get_queryset().with_tag(self.tag.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class ArchiveIndexView(TemplateView):
    """Every year and month with published news, and how many articles each has."""

    template_name = "articles/archive_index.html"

    def get_context_data(self, **kwargs):
        # An aggregate over every article: remembered until content changes.
        months = remember(
            "articles:archive-months",
            lambda: list(
                Article.objects.published()
                .annotate(month=TruncMonth("published_at"))
                .values("month")
                .annotate(count=Count("pk"))
                .order_by("-month")
            ),
        )
        years = [
            {"year": year, "months": list(rows), "count": 0}
            for year, rows in groupby(months, key=lambda row: row["month"].year)
        ]
        for year in years:
            year["count"] = sum(row["count"] for row in year["months"])
        return super().get_context_data(years=years, **kwargs)


class ArticleArchiveMixin(PublishedArticlesMixin):
    date_field = "published_at"
    make_object_list = True

    def get_queryset(self):
        # Also what the links to the previous and next month look up: one row
        # each, which needs none of a list's prefetching.
        return Article.objects.published()

    def get_dated_items(self):
        date_list, articles, extra = super().get_dated_items()
        return date_list, articles.for_listing(), extra


class ArticleYearArchiveView(ArticleArchiveMixin, YearArchiveView):
    template_name = "articles/archive_year.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["month_counts"] = (
            Article.objects.published()
            .in_year(context["year"].year)
            .annotate(month=TruncMonth("published_at"))
            .values("month")
            .annotate(count=Count("pk"))
            .order_by("month")
        )
        return context


class ArticleMonthArchiveView(ArticleArchiveMixin, MonthArchiveView):
    template_name = "articles/archive_month.html"
    month_format = "%m"


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.published().for_page()

    def get_context_data(self, **kwargs):
        article = self.object
        neighbours = Article.objects.published().only("title", "slug", "published_at")
        earlier = Q(published_at__lt=article.published_at) | Q(
            published_at=article.published_at, pk__lt=article.pk
        )
        later = Q(published_at__gt=article.published_at) | Q(
            published_at=article.published_at, pk__gt=article.pk
        )
        # The extra bound lets the index scan start at this article, not at either end.
        earlier = neighbours.filter(earlier, published_at__lte=article.published_at)
        later = neighbours.filter(later, published_at__gte=article.published_at)
        return super().get_context_data(
            previous_article=earlier.order_by("-published_at", "-pk").first(),
            next_article=later.order_by("published_at", "pk").first(),
            json_ld=news_article_json_ld(article, self.request),
            **kwargs,
        )


@method_decorator([staff_member_required, never_cache], name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """Any article, draft or scheduled, as the public will see it. Staff only."""

    def get_queryset(self):
        return Article.objects.for_page()

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_preview=True, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def news_article_json_ld(article, request):
    """schema.org NewsArticle for search engines, safe inside a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.lead,
        "inLanguage": article.language,
        "datePublished": article.published_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "url": absolute_url(article.get_absolute_url()),
        "author": [
            {"@type": "Person", "name": authorship.person.name}
            for authorship in article.authorships.all()
        ],
        "keywords": [tag.name for tag in article.tags.all()],
    }
    if article.image:
        data["image"] = absolute_url(article.image.url)
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES))  # noqa: S308
