"""People, organisations and the events they take part in."""

import zoneinfo

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from secretariat.richtext import RichTextField

TIMEZONE_CHOICES = sorted((name, name) for name in zoneinfo.available_timezones())


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(
        _("short name"),
        max_length=30,
        blank=True,
        help_text=_("An abbreviation such as OSCE or ILO."),
    )
    slug = models.SlugField(_("address"), max_length=200, unique=True)
    url = models.URLField(_("website"), blank=True)
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        help_text=_("Two-letter country code, e.g. SE."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:organisation", kwargs={"slug": self.slug})


class Person(models.Model):
    """Someone who writes articles or takes part in events. Only public facts."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address"), max_length=200, unique=True)
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
    photo = models.ImageField(_("photo"), upload_to="people/", blank=True)
    photo_alt = models.CharField(
        _("photo description"),
        max_length=250,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["name"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:person", kwargs={"slug": self.slug})


class EventQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: published and cancelled events, never drafts."""
        return self.filter(status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])

    def upcoming(self, now=None):
        return self.published().filter(ends_at__gte=now or timezone.now())

    def past(self, now=None):
        return self.published().filter(ends_at__lt=now or timezone.now())


class Event(models.Model):
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

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("address"), max_length=250, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("Tick for events that last whole days."),
    )
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=TIMEZONE_CHOICES,
        default="Europe/Stockholm",
        help_text=_("The local time zone of the venue."),
    )
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    organisers = models.ManyToManyField(
        Organisation, verbose_name=_("organisers"), blank=True, related_name="events"
    )
    description = RichTextField(_("description"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    tags = TaggableManager(_("tags"), blank=True)
    image = models.ImageField(_("image"), upload_to="events/", blank=True)
    image_alt = models.CharField(_("image description"), max_length=250, blank=True)
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=[("sv", _("Swedish")), ("en", _("English"))],
        default="sv",
    )
    participants = models.ManyToManyField(
        Person,
        through="Participation",
        verbose_name=_("participants"),
        related_name="events",
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")), name="event_ends_after_start"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "ends_at"]),
            models.Index(fields=["starts_at"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})


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
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["event", "order", "pk"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person", "role"], name="one_role_per_person_and_event"
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()}), {self.event}"
