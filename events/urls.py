from django.urls import path

from . import feeds, views

app_name = "events"

urlpatterns = [
    path("evenemang/", views.UpcomingEventsView.as_view(), name="upcoming"),
    path("evenemang/tidigare/", views.PastEventsView.as_view(), name="past"),
    path("evenemang/tidigare/<int:year>/", views.PastEventsView.as_view(), name="past_year"),
    path("evenemang/kalender.ics", views.calendar_feed, name="feed"),
    path("evenemang/amne/<tag:tag>/kalender.ics", views.calendar_feed, name="feed_tag"),
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
