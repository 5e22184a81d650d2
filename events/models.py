"""People, organisations and the events they take part in."""

import functools
import zoneinfo
from datetime import timedelta

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager

from secretariat.content.languages import Language
from secretariat.content.redirects import keeping_old_address
from secretariat.content.richtext import RichTextField, plain_text, plain_text_in_sql
from secretariat.content.search import Fold, search_vector_field
from secretariat.content.slugs import unique_slug
from secretariat.media.models import REQUIRED, picture_model

from .querysets import EventQuerySet, OrganisationQuerySet, PersonQuerySet

# Single path segments under /evenemang/ that belong to fixed pages, never to an event.
RESERVED_EVENT_SLUGS = ("tidigare", "kalender", "rss", "amne", "typ")


@functools.cache
def timezone_choices():
    """The IANA zones this machine knows. A callable, so that migrations name it
    instead of copying ~600 zones that change with every tzdata release."""
    return sorted((name, name) for name in zoneinfo.available_timezones())


SWEDISH_TIME = "Europe/Stockholm"


class AddressFromName:
    """For people and organisations: named by their name, at an address made from it
    that keeps working (301) when it changes."""

    url_name = None  # The public page's URL name.

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        with keeping_old_address(self, type(self).objects.public):
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(self.url_name, kwargs={"slug": self.slug})


class Organisation(AddressFromName, models.Model):
    url_name = "events:organisation"

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(
        _("short name"),
        max_length=30,
        blank=True,
        help_text=_("An abbreviation such as OSCE or ILO."),
    )
    slug = models.SlugField(
        _("address"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("Made from the name when left empty."),
    )
    url = models.URLField(_("website"), blank=True)
    country = CountryField(_("country"), blank=True)
    # Kept by PostgreSQL itself, for the site search.
    search_vector = search_vector_field(("name", "A"), ("short_name", "A"))

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [
            GinIndex(fields=["search_vector"], name="organisation_search_vector"),
            GinIndex(
                OpClass(Fold(F("name")), name="gin_trgm_ops"), name="organisation_name_trigram"
            ),
        ]


PersonPicture = picture_model("people", field="photo", description=REQUIRED)


class Person(AddressFromName, PersonPicture):
    """Someone who writes articles or takes part in events. Only public facts."""

    url_name = "events:person"

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("address"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("Made from the name when left empty."),
    )
    title = models.CharField(
        _("job title"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'Economic Adviser'."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    bio = models.TextField(_("about"), blank=True, help_text=_("A short public biography."))
    # Kept by PostgreSQL itself, for the site search.
    search_vector = search_vector_field(("name", "A"), ("title", "B"))

    objects = PersonQuerySet.as_manager()

    class Meta(PersonPicture.Meta):
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [
            models.Index(fields=["name"]),
            GinIndex(fields=["search_vector"], name="person_search_vector"),
            GinIndex(OpClass(Fold(F("name")), name="gin_trgm_ops"), name="person_name_trigram"),
        ]

    @property
    def affiliation(self):
        """'Economic Adviser, OSCE': how reports name people."""
        organisation = self.organisation and (
            self.organisation.short_name or self.organisation.name
        )
        return ", ".join(part for part in (self.title, organisation) if part)


EventPicture = picture_model("events")


class Event(EventPicture):
    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        WEBINAR = "webinar", _("Webinar")
        CONFERENCE = "conference", _("Conference")
        SEMINAR = "seminar", _("Seminar")
        PANEL = "panel", _("Panel discussion")
        ROUND_TABLE = "round_table", _("Round table")
        SUPPLIER_DIALOGUE = "supplier_dialogue", _("Supplier dialogue")
        MEETING = "meeting", _("Meeting")
        STUDY_VISIT = "study_visit", _("Study visit")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    Language = Language

    # Changes to these make calendars that already hold the event update it (SEQUENCE).
    CALENDAR_FIELDS = (
        "title",
        "status",
        "starts_at",
        "ends_at",
        "all_day",
        "timezone",
        "venue",
        "city",
        "country",
        "online_url",
    )

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("address"),
        max_length=250,
        unique=True,
        blank=True,
        help_text=_("Made from the title when left empty. Do not change it once published."),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_(
            "Drafts are seen only by staff. A cancelled event stays on the site, marked cancelled."
        ),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences of plain text for lists, feeds and calendars."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("Tick for events that last whole days: only the dates are shown."),
    )
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=timezone_choices,
        default=SWEDISH_TIME,
        help_text=_(
            "The local time zone of the venue, e.g. Asia/Almaty for Astana. "
            "Times are entered and shown in it, with Swedish time beside."
        ),
    )
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    online_url = models.URLField(
        _("online meeting link"),
        blank=True,
        help_text=_("For online or hybrid events. Leave the venue empty for online only."),
    )
    organisers = models.ManyToManyField(
        Organisation, verbose_name=_("organisers"), blank=True, related_name="events"
    )
    description = RichTextField(_("description"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("After this moment the registration link is hidden. Empty: until it starts."),
    )
    tags = TaggableManager(_("tags"), blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.SWEDISH
    )
    participants = models.ManyToManyField(
        Person,
        through="Participation",
        verbose_name=_("participants"),
        related_name="events",
    )
    sequence = models.PositiveIntegerField(
        _("revision"),
        default=0,
        editable=False,
        help_text=_("Raised when the time, place or status changes, so calendars update."),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    # Kept by PostgreSQL itself, for the site search and the lists' word filter.
    search_vector = search_vector_field(
        ("title", "A"),
        ("summary", "B"),
        ("venue", "B"),
        ("city", "B"),
        (plain_text_in_sql("description"), "C"),
    )

    objects = EventQuerySet.as_manager()

    class Meta(EventPicture.Meta):
        ordering = ["starts_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            *EventPicture.Meta.constraints,
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("The event cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(slug__in=RESERVED_EVENT_SLUGS),
                name="event_slug_not_reserved",
                violation_error_message=_("This address is used by another page."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "ends_at"]),
            models.Index(fields=["starts_at"]),
            models.Index(fields=["status", "-starts_at"], name="event_status_starts"),
            models.Index(fields=["kind"], name="event_kind"),
            GinIndex(fields=["search_vector"], name="event_search_vector"),
            GinIndex(OpClass(Fold(F("title")), name="gin_trgm_ops"), name="event_title_trigram"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title, reserved=RESERVED_EVENT_SLUGS)
        loaded = getattr(self, "_calendar_state", None)
        if loaded is not None and loaded != {
            name: value for name, value in self._current_calendar_state().items() if name in loaded
        }:
            self.sequence += 1
            if "update_fields" in kwargs and kwargs["update_fields"] is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "sequence"}
        with keeping_old_address(self, Event.objects.published):
            super().save(*args, **kwargs)
        self._calendar_state = self._current_calendar_state()

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._calendar_state = instance._current_calendar_state()
        return instance

    def _current_calendar_state(self):
        return {name: getattr(self, name) for name in self.CALENDAR_FIELDS if name in self.__dict__}

    # What the pages and calendars show -----------------------------------------

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def is_public(self):
        return self.status != self.Status.DRAFT

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def local_starts_at(self):
        return self.starts_at.astimezone(self.zone)

    @property
    def local_ends_at(self):
        return self.ends_at.astimezone(self.zone)

    @property
    def is_abroad_time(self):
        """Whether Swedish time differs from local time at the start (Astana, Santiago)."""
        swedish = self.starts_at.astimezone(zoneinfo.ZoneInfo(SWEDISH_TIME))
        return swedish.utcoffset() != self.local_starts_at.utcoffset()

    @property
    def swedish_starts_at(self):
        return self.starts_at.astimezone(zoneinfo.ZoneInfo(SWEDISH_TIME))

    @property
    def swedish_ends_at(self):
        return self.ends_at.astimezone(zoneinfo.ZoneInfo(SWEDISH_TIME))

    @property
    def is_multi_day(self):
        return self.local_starts_at.date() != self.local_ends_at.date()

    @property
    def duration(self):
        return self.ends_at - self.starts_at

    @property
    def days(self):
        """Calendar days the event covers, in local time."""
        return (self.local_ends_at.date() - self.local_starts_at.date()).days + 1

    @property
    def is_online(self):
        return bool(self.online_url)

    @property
    def is_on_site(self):
        return bool(self.venue or self.city)

    @property
    def place(self):
        """'Venue, City, Country' as far as known."""
        parts = [self.venue, self.city, self.country.name if self.country else ""]
        return ", ".join(part for part in parts if part)

    def registration_is_open(self, now=None):
        now = now or timezone.now()
        closes = self.registration_closes_at or self.starts_at
        return bool(self.registration_url) and not self.is_cancelled and now < closes

    def has_ended(self, now=None):
        return self.ends_at < (now or timezone.now())

    @property
    def teaser(self):
        """The plain-text summary, or the start of the description when there is none."""
        if self.summary:
            return self.summary
        return Truncator(plain_text(self.description).replace("\n", " ")).words(40)

    @property
    def calendar_end_date(self):
        """The day after the last day: all-day calendar entries end exclusively."""
        return self.local_ends_at.date() + timedelta(days=1)


class Participation(models.Model):
    class Role(models.TextChoices):
        SPEAKER = "speaker", _("Speaker")
        PANELLIST = "panellist", _("Panellist")
        MODERATOR = "moderator", _("Moderator")
        HOST = "host", _("Host")
        ORGANISER = "organiser", _("Organiser")
        PARTICIPANT = "participant", _("Participant")

    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SPEAKER)
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are listed first.")
    )

    class Meta:
        ordering = ["event", "order", "pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person", "role"], name="one_role_per_person_and_event"
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()}), {self.event}"

    def get_absolute_url(self):
        return self.event.get_absolute_url()
