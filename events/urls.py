from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("evenemang/", views.UpcomingEventsView.as_view(), name="upcoming"),
]
