from django.urls import path

from . import views

app_name = "articles"

# Placeholders until the articles issue lands; the names are what templates use.
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("aktuellt/", views.ArticleListView.as_view(), name="list"),
    path("aktuellt/sok/", views.ArticleListView.as_view(), name="search"),
    path("aktuellt/rss/", views.ArticleListView.as_view(), name="feed_rss"),
    path("aktuellt/atom/", views.ArticleListView.as_view(), name="feed_atom"),
    path("aktuellt/<slug:slug>/", views.ArticleListView.as_view(), name="detail"),
]
