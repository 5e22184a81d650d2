from django.urls import path

from secretariat.content import converters  # noqa: F401 - registers <tag:> and <year:>
from secretariat.content.tagging import ascii_tag_slugs

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("aktuellt/", ascii_tag_slugs(views.ArticleListView.as_view()), name="list"),
    path("aktuellt/sok/", ascii_tag_slugs(views.ArticleSearchView.as_view()), name="search"),
    path("aktuellt/rss/", feeds.conditional(feeds.LatestArticlesFeed()), name="feed_rss"),
    path("aktuellt/atom/", feeds.conditional(feeds.LatestArticlesAtomFeed()), name="feed_atom"),
    path("aktuellt/amne/", views.TagIndexView.as_view(), name="tags"),
    path("aktuellt/amne/<tag:slug>/", ascii_tag_slugs(views.TagView.as_view()), name="tag"),
    path(
        "aktuellt/amne/<tag:tag_slug>/rss/",
        ascii_tag_slugs(feeds.conditional(feeds.TagFeed())),
        name="tag_feed_rss",
    ),
    path(
        "aktuellt/amne/<tag:tag_slug>/atom/",
        ascii_tag_slugs(feeds.conditional(feeds.TagAtomFeed())),
        name="tag_feed_atom",
    ),
    path("aktuellt/arkiv/", views.ArchiveIndexView.as_view(), name="archive"),
    path(
        "aktuellt/arkiv/<year:year>/",
        views.ArticleYearArchiveView.as_view(),
        name="archive_year",
    ),
    path(
        "aktuellt/arkiv/<year:year>/<int:month>/",
        views.ArticleMonthArchiveView.as_view(),
        name="archive_month",
    ),
    path(
        "aktuellt/forhandsvisning/<int:pk>/",
        views.ArticlePreviewView.as_view(),
        name="preview",
    ),
    path("aktuellt/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
