from django.urls import path

from secretariat.content import converters  # noqa: F401 - registers <tag:> and <year:>
from secretariat.content.tagging import ascii_tag_slugs

from . import feeds, views

app_name = "events"

urlpatterns = [
    path("evenemang/", ascii_tag_slugs(views.UpcomingEventsView.as_view()), name="upcoming"),
    path("evenemang/tidigare/", ascii_tag_slugs(views.PastEventsView.as_view()), name="past"),
    path(
        "evenemang/tidigare/<int:year>/",
        ascii_tag_slugs(views.PastEventsView.as_view()),
        name="past_year",
    ),
    path("evenemang/kalender.ics", views.calendar_feed, name="feed"),
    path(
        "evenemang/amne/<tag:tag>/kalender.ics",
        ascii_tag_slugs(views.calendar_feed),
        name="feed_tag",
    ),
    path("evenemang/typ/<str:kind>/kalender.ics", views.calendar_feed, name="feed_kind"),
    path("evenemang/rss/", feeds.UpcomingEventsFeed(), name="feed_rss"),
    path("evenemang/<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
    path("evenemang/<slug:slug>/kalender.ics", views.event_calendar, name="ical"),
    path(
        "evenemang/<slug:slug>/forhandsvisning/",
        views.EventPreviewView.as_view(),
        name="preview",
    ),
    path("personer/<slug:slug>/", views.PersonDetailView.as_view(), name="person"),
    path(
        "organisationer/<slug:slug>/",
        views.OrganisationDetailView.as_view(),
        name="organisation",
    ),
]
