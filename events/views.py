"""The public event pages, people and organisations, and the calendars.

Everything public starts from `Event.objects.published()` (and `Person.objects.public()`,
`Organisation.objects.public()`); each page names its joins so that its number of
queries does not grow with the data.
"""

import hashlib
import json
from datetime import MAXYEAR, MINYEAR

from django.apps import apps
from django.contrib.admin.views.decorators import staff_member_required
from django.db.models import Max, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.decorators import method_decorator
from django.utils.http import http_date, quote_etag
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView
from django_filters.views import FilterView
from taggit.models import Tag

from secretariat.content.links import absolute_url

from . import calendar
from .filters import EventFilter
from .models import Event, Organisation, Participation, Person


def _published_articles():
    """The articles app's public articles, without importing it at module level
    (the articles app depends on this one, not the other way round)."""
    return apps.get_model("articles", "Article").objects.published()


class EventListView(FilterView):
    """Upcoming or past events, filtered by kind, year, organiser, topic and format."""

    filterset_class = EventFilter
    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = 20
    past = False

    def base_queryset(self):
        raise NotImplementedError

    def get_queryset(self):
        return self.base_queryset().for_listing()

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["years"] = [day.year for day in self.base_queryset().dates("starts_at", "year")]
        return kwargs

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            past=self.past,
            query=query.urlencode(),
            now=timezone.now(),
            filtered_feed=self.filtered_feed(),
            calendar_feed=calendar.subscription(reverse("events:feed")),
            **kwargs,
        )

    def filtered_feed(self):
        """The calendar of just the chosen kind or topic, for subscribing to it."""
        if not self.filterset.is_valid():
            return None
        data = self.filterset.form.cleaned_data
        if data.get("amne"):
            path = reverse("events:feed_tag", kwargs={"tag": data["amne"]})
        elif data.get("typ"):
            path = reverse("events:feed_kind", kwargs={"kind": data["typ"]})
        else:
            return None
        return calendar.subscription(path)


class UpcomingEventsView(EventListView):
    def base_queryset(self):
        return Event.objects.upcoming()


class PastEventsView(EventListView):
    past = True

    def base_queryset(self):
        events = Event.objects.past()
        if "year" in self.kwargs:
            if not MINYEAR < self.kwargs["year"] < MAXYEAR:
                raise Http404
            events = events.filter(starts_at__year=self.kwargs["year"])
        return events

    def get_context_data(self, **kwargs):
        years = Event.objects.past().dates("starts_at", "year", order="DESC")
        return super().get_context_data(
            year=self.kwargs.get("year"), years=[day.year for day in years], **kwargs
        )


def participants_by_role(participations):
    """[(role label, [participation, ...]), ...] in the order of the roles."""
    groups = {role: [] for role in Participation.Role.values}
    for participation in participations:
        groups[participation.role].append(participation)
    labels = dict(Participation.Role.choices)
    return [(labels[role], people) for role, people in groups.items() if people]


def _schema_moment(event, moment):
    return (moment.date() if event.all_day else moment).isoformat()


def structured_data(event, request):
    """schema.org Event as JSON-LD, so that search engines can show the date and place."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": absolute_url(event.get_absolute_url()),
        "description": event.teaser,
        "startDate": _schema_moment(event, event.local_starts_at),
        "endDate": _schema_moment(event, event.local_ends_at),
        "eventStatus": "https://schema.org/"
        + ("EventCancelled" if event.is_cancelled else "EventScheduled"),
        "inLanguage": event.language,
        "organizer": [
            {"@type": "Organization", "name": o.name, "url": o.url or None}
            for o in event.organisers.all()
        ],
    }
    places = []
    if event.is_on_site:
        address = {"@type": "PostalAddress", "addressLocality": event.city}
        if event.country:
            address["addressCountry"] = event.country.code
        places.append({"@type": "Place", "name": event.venue or event.city, "address": address})
    if event.is_online:
        places.append({"@type": "VirtualLocation", "url": event.online_url})
    if places:
        data["location"] = places if len(places) > 1 else places[0]
    modes = {(True, False): "Offline", (False, True): "Online", (True, True): "Mixed"}
    mode = modes.get((event.is_on_site, event.is_online))
    if mode:
        data["eventAttendanceMode"] = f"https://schema.org/{mode}EventAttendanceMode"
    # Escape "<" so that no text can close the script element.
    return mark_safe(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))  # noqa: S308


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"
    preview = False

    def get_queryset(self):
        events = Event.objects.all() if self.preview else Event.objects.published()
        return events.prefetch_related(
            "organisers",
            "tags",
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("person__organisation"),
            ),
            Prefetch("articles", queryset=_published_articles().for_listing(), to_attr="reports"),
        )

    def get_context_data(self, **kwargs):
        event = self.object
        now = timezone.now()
        return super().get_context_data(
            structured_data=structured_data(event, self.request),
            participant_groups=participants_by_role(event.participations.all()),
            articles=event.reports,
            registration_open=event.registration_is_open(now),
            has_ended=event.has_ended(now),
            preview=self.preview,
            **kwargs,
        )


@method_decorator([staff_member_required, never_cache], name="dispatch")
class EventPreviewView(EventDetailView):
    """What a draft will look like, for staff only; never cached, never indexed."""

    preview = True


# Articles on a person's page: a prolific author links to the rest.
PERSON_ARTICLES = 10


class PersonDetailView(DetailView):
    template_name = "events/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.public().select_related("organisation")

    def get_context_data(self, **kwargs):
        person = self.object
        participations = (
            person.participations.filter(event__in=Event.objects.published())
            .select_related("event")
            .order_by("-event__starts_at", "order")
        )
        roles_by_event = {}
        for participation in participations:
            roles_by_event.setdefault(participation.event, []).append(participation.role)
        labels = dict(Participation.Role.choices)
        events = [
            (event, [labels[role] for role in Participation.Role.values if role in roles])
            for event, roles in roles_by_event.items()
        ]
        # The newest few; the article list filtered by author has them all.
        articles = list(person.articles.published().for_listing()[: PERSON_ARTICLES + 1])
        return super().get_context_data(
            events=events,
            articles=articles[:PERSON_ARTICLES],
            more_articles=len(articles) > PERSON_ARTICLES,
            now=timezone.now(),
            **kwargs,
        )


class OrganisationDetailView(DetailView):
    template_name = "events/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return Organisation.objects.public()

    def get_context_data(self, **kwargs):
        organisation = self.object
        now = timezone.now()
        events = list(organisation.events.published().order_by("-starts_at"))
        return super().get_context_data(
            people=organisation.people.public(),
            upcoming=[event for event in reversed(events) if not event.has_ended(now)],
            past=[event for event in events if event.has_ended(now)],
            **kwargs,
        )


# Calendars -------------------------------------------------------------------


def _ics_response(request, events, *, name, filename, extra_last_modified=None):
    """An iCalendar answer with an ETag and Last-Modified, or 304 when the client has it."""
    events = list(events)
    fingerprint = "|".join(f"{e.pk}:{e.sequence}:{e.updated_at.isoformat()}" for e in events)
    etag = quote_etag(hashlib.sha256(fingerprint.encode()).hexdigest()[:32])
    moments = [e.updated_at for e in events] + [extra_last_modified]
    moments = [moment for moment in moments if moment]
    last_modified = int(max(moments).timestamp()) if moments else None
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        return not_modified
    body = calendar.calendar(events, name=name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "public, max-age=900"
    return response


def event_calendar(request, slug):
    """One event as an .ics file: "Lägg till i kalender"."""
    event = get_object_or_404(Event.objects.published(), slug=slug)
    return _ics_response(request, [event], name=event.title, filename=f"{event.slug}.ics")


def calendar_feed(request, tag=None, kind=None):
    """A subscribable calendar: all events, one topic's or one kind's.

    It holds the upcoming events and those that ended within ``calendar.KEEPS_PAST``,
    so that subscribers keep in their calendars what they attended.
    """
    events = Event.objects.published()
    name = _("Events")
    filename = "evenemang.ics"
    if kind is not None:
        if kind not in Event.Kind.values:
            raise Http404
        events = events.filter(kind=kind)
        name = f"{name}: {Event.Kind(kind).label}"
        filename = f"evenemang-{kind}.ics"
    if tag is not None:
        topic = get_object_or_404(Tag, slug=tag)
        events = events.filter(tags=topic)
        name = f"{name}: {topic.name}"
        filename = f"evenemang-{topic.slug}.ics"
    since = timezone.now() - calendar.KEEPS_PAST
    kept = events.filter(ends_at__gte=since).order_by("starts_at")
    # The feed also changed when its last event left it.
    ended = events.filter(ends_at__lt=since).aggregate(last=Max("ends_at"))["last"]
    left = ended + calendar.KEEPS_PAST if ended else None
    return _ics_response(request, kept, name=name, filename=filename, extra_last_modified=left)
