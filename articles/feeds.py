"""RSS 2.0 and Atom feeds of the news, for all articles and per tag.

Feed readers poll often, so every feed answers a conditional GET: the ETag and
Last-Modified come from one small aggregate query, and an unchanged feed costs
that query and a 304.
"""

import hashlib

from django.db.models import Count, Max
from django.db.models.functions import Greatest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import condition

from secretariat.content.feeds import SiteFeed
from secretariat.content.links import absolute_url
from secretariat.content.tagging import tag_names
from secretariat.operations.page_cache import remember

from .models import Article

FEED_SIZE = 20


def _feed_articles(tag_slug=None):
    articles = Article.objects.published()
    if tag_slug:
        articles = articles.filter(tags__slug=tag_slug)
    return articles


def _with_tag_names(articles):
    articles = list(articles.for_listing()[:FEED_SIZE])
    names = tag_names(articles)
    for article in articles:
        article.tag_names = names[article.pk]
    return articles


def _feed_state(request, tag_slug=None):
    # A scheduled article appears without being saved again, so its publication
    # time counts as a change, as does any edit to a visible article. Remembered
    # until content changes or a scheduled article appears: it reads every row.
    def compute():
        return _feed_articles(tag_slug).aggregate(
            changed=Max(Greatest("published_at", "updated_at")), count=Count("pk"), last=Max("pk")
        )

    return remember(f"articles:feed-state:{tag_slug or ''}", compute)


def feed_last_modified(request, tag_slug=None):
    return _feed_state(request, tag_slug)["changed"]


def feed_etag(request, tag_slug=None):
    state = _feed_state(request, tag_slug)
    # The path tells RSS from Atom; count and last catch an article taken down.
    key = f"{request.path}|{state['changed']}|{state['count']}|{state['last']}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


class LatestArticlesFeed(SiteFeed):
    title = _("News from the National Secretariat for Sustainable Public Procurement")
    description = _("The latest news from the Swedish regions' work on sustainable procurement.")
    language = "sv"

    def link(self):
        return absolute_url(reverse("articles:list"))

    def items(self):
        return _with_tag_names(_feed_articles())

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.lead

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return ", ".join(person.name for person in article.authors.all()) or None

    def item_categories(self, article):
        return article.tag_names

    def item_guid(self, article):
        # Stable whatever happens to the title or address: the article's number.
        return f"urn:x-secretariat:article:{article.pk}"

    item_guid_is_permalink = False


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class TagFeed(LatestArticlesFeed):
    def get_object(self, request, tag_slug):
        return get_object_or_404(Article.objects.published().tags(), slug=tag_slug)

    def title(self, tag):
        return _("News about %(tag)s") % {"tag": tag.name}

    def description(self, tag):
        return _("The latest news tagged %(tag)s.") % {"tag": tag.name}

    def link(self, tag):
        return absolute_url(reverse("articles:tag", kwargs={"slug": tag.slug}))

    def items(self, tag):
        return _with_tag_names(_feed_articles(tag.slug))


class TagAtomFeed(TagFeed):
    feed_type = Atom1Feed

    def subtitle(self, tag):
        return self.description(tag)


def conditional(feed):
    return condition(etag_func=feed_etag, last_modified_func=feed_last_modified)(feed)
