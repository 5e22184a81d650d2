"""The public querysets of events, people and organisations: what the public may
see (``published()``, ``public()``), what lists show, and the site search."""

from django.apps import apps
from django.contrib.postgres.expressions import ArraySubquery
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from secretariat.content.search import Fold, best_matches

# The models are read when a query is built: they import these querysets.
from . import models as events


class OrganisationQuerySet(models.QuerySet):
    def public(self):
        """Organisations the public may see: organisers of public events or employers of
        public people. One that only appears in a draft stays unknown."""
        return self.filter(
            Exists(events.Event.objects.published().filter(organisers=OuterRef("pk")))
            | Exists(events.Person.objects.public().filter(organisation=OuterRef("pk")))
        )

    def search(self, text):
        """Organisations whose name or short name matches a visitor's search, best first."""
        return best_matches(self, text, order=("name", "pk"), alike=Fold(F("name")))


class PersonQuerySet(models.QuerySet):
    def public(self):
        """People the public may see: they take part in a public event or wrote a
        published article. Someone only named in a draft stays unknown."""
        article = apps.get_model("articles", "Article")
        return self.filter(
            Exists(
                events.Participation.objects.filter(
                    person=OuterRef("pk"),
                    event__in=events.Event.objects.published(),
                )
            )
            | Exists(article.objects.published().filter(authors=OuterRef("pk")))
        )

    def search(self, text):
        """People whose name, job title or organisation matches a visitor's search."""
        return best_matches(
            self,
            text,
            order=("name", "pk"),
            alike=Fold(F("name")),
            also=lambda query: Q(
                organisation__in=events.Organisation.objects.filter(search_vector=query)
            ),
        )


class EventQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: published and cancelled events, never drafts."""
        return self.filter(status__in=[self.model.Status.PUBLISHED, self.model.Status.CANCELLED])

    def upcoming(self, now=None):
        """Public events that have not yet ended, soonest first."""
        return self.published().filter(ends_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        """Public events that have ended, latest first."""
        return self.published().filter(ends_at__lt=now or timezone.now()).order_by("-starts_at")

    def for_listing(self):
        """What lists of events show, in one query: ``organiser_labels``, the organisers'
        short names (or names), come along, so a list needs no query per event. The
        search vector, which no list shows, stays in the database."""
        labels = (
            events.Organisation.objects.filter(events=OuterRef("pk"))
            .order_by("name")
            .values(label=Coalesce(NullIf("short_name", Value("")), "name"))
        )
        return self.defer("search_vector").annotate(organiser_labels=ArraySubquery(labels))

    def search(self, text):
        """Events whose title, summary, place, description or organisers match a
        visitor's search, best first; the newest first among equals."""
        return best_matches(
            self,
            text,
            order=("-starts_at", "-pk"),
            alike=Fold(F("title")),
            also=lambda query: Q(
                pk__in=events.Event.organisers.through.objects.filter(
                    organisation__in=events.Organisation.objects.filter(search_vector=query)
                ).values("event_id")
            ),
        )
