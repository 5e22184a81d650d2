"""Subscribers with double opt-in, the consent ledger, issues and their deliveries.

A subscriber's personal data (address, name) can be erased; the consent ledger
cannot be changed at all (a database trigger refuses UPDATE and DELETE) and
holds nothing personal: a keyed hash of the IP address, never the address.
"""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

# Raise when the wording of the consent checkbox or the privacy notice changes,
# so the ledger shows which text each person agreed to.
CONSENT_VERSION = "2026-11"


def normalise_email(address):
    """Addresses are stored trimmed and in lower case: one person, one row."""
    return address.strip().lower()


def hash_ip(ip_address):
    """A keyed HMAC of an IP address: comparable with itself, useless without the key."""
    if not ip_address:
        return ""
    return salted_hmac("newsletter.ip", ip_address, algorithm="sha256").hexdigest()


class SubscriberQuerySet(models.QuerySet):
    def with_email(self, address):
        """The subscriber with this address, matched the way the database enforces it."""
        return self.alias(email_lower=Lower("email")).filter(email_lower=normalise_email(address))

    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Subscribing")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        # No mail goes to these any more: the address does not exist or refuses
        # mail (bounced), or its owner marked our mail as spam (complained).
        BOUNCED = "bounced", _("Bounced")
        COMPLAINED = "complained", _("Marked as spam")
        ERASED = "erased", _("Erased")

    # Soft bounces (a full mailbox, a server that is down) in this many issues
    # in a row make the address count as bounced.
    SOFT_BOUNCE_LIMIT = 3

    class Source(models.TextChoices):
        SIGNUP_PAGE = "signup_page", _("Newsletter page")
        FRONT_PAGE = "front_page", _("Front page")

    # NULL once erased: NULLs never clash in the unique index, empty strings would.
    email = models.EmailField(  # noqa: DJ001
        _("email address"),
        null=True,
        help_text=_("Empty once the subscriber's personal data has been erased."),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=Source.choices,
        default=Source.SIGNUP_PAGE,
        help_text=_("Where on the site the person signed up."),
    )
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    confirmation_sent_at = models.DateTimeField(
        _("confirmation sent"),
        null=True,
        blank=True,
        help_text=_("When the last email with a confirmation link was sent."),
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)
    stopped_at = models.DateTimeField(
        _("mail stopped"),
        null=True,
        blank=True,
        help_text=_("When the address bounced or its owner marked our mail as spam."),
    )
    stop_reason = models.TextField(
        _("why mail stopped"),
        blank=True,
        help_text=_("What the mail provider or the receiving mail server reported."),
    )
    stop_event_id = models.CharField(
        _("provider's event id"),
        max_length=200,
        blank=True,
        help_text=_("The mail provider's number for the report, to look it up there."),
    )
    soft_bounces = models.PositiveSmallIntegerField(
        _("issues soft-bounced in a row"),
        default=0,
        help_text=_(
            "Issues in a row that could not be delivered for a while (a full mailbox, "
            "a server that is down). At three the address counts as bounced."
        ),
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        permissions = [("export_subscriber", _("Can export subscribers as CSV"))]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="subscriber_email_unique_ci",
                violation_error_message=_("This address is already on the list."),
            ),
            models.CheckConstraint(
                condition=Q(status="erased") | Q(email__isnull=False),
                name="subscriber_has_email_unless_erased",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="subscriber_status")]

    def __str__(self):
        return self.email or _("Erased subscriber #%(pk)s") % {"pk": self.pk}

    def get_absolute_url(self):
        # Subscribers have no public page; staff find them in the admin.
        return reverse("admin:newsletter_subscriber_change", args=[self.pk])


class ConsentEvent(models.Model):
    """One line in the append-only record of how and when someone consented."""

    class Kind(models.TextChoices):
        SIGNED_UP = "signed_up", _("Signed up")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        BOUNCED = "bounced", _("Address bounced")
        COMPLAINED = "complained", _("Marked as spam")
        REACTIVATED = "reactivated", _("Reactivated")
        ERASED = "erased", _("Personal data erased")

    class Method(models.TextChoices):
        WEB_FORM = "web_form", _("Form on the website")
        EMAIL_LINK = "email_link", _("Link in an email")
        ONE_CLICK = "one_click", _("Unsubscribe button in the mail program")
        ADMIN = "admin", _("By staff in the admin")
        RETENTION = "retention", _("Automatic erasure after the retention period")
        PROVIDER = "provider", _("Reported by the mail provider")
        MAIL_SERVER = "mail_server", _("Refused by the receiving mail server")

    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        on_delete=models.PROTECT,
        related_name="consent_events",
    )
    kind = models.CharField(_("event"), max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(_("time"), default=timezone.now)
    consent_version = models.CharField(
        _("consent text version"),
        max_length=20,
        default=CONSENT_VERSION,
        help_text=_("Which wording of the consent text applied."),
    )
    method = models.CharField(_("method"), max_length=20, choices=Method.choices)
    ip_hash = models.CharField(
        _("IP address (keyed hash)"),
        max_length=64,
        blank=True,
        help_text=_(
            "A keyed hash of the visitor's IP address. The address itself is never stored."
        ),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("consent event")
        verbose_name_plural = _("consent ledger")
        indexes = [models.Index(fields=["subscriber", "created_at"], name="consent_subscriber")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self):
        return reverse("admin:newsletter_consentevent_change", args=[self.pk])


class IssueQuerySet(models.QuerySet):
    def published(self):
        """What the public archive shows: issues that have gone out, newest first."""
        return self.filter(status=Issue.Status.SENT).order_by("-sent_at", "-pk")


class Issue(models.Model):
    """One newsletter ("utskick"): an introduction, chosen articles and upcoming events."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    subject = models.CharField(
        _("subject"), max_length=200, help_text=_("The email's subject line.")
    )
    introduction = models.TextField(
        _("introduction"),
        help_text=_("A few sentences of plain text at the top. Blank lines start new paragraphs."),
    )
    articles = models.ManyToManyField(
        "articles.Article",
        through="IssueArticle",
        verbose_name=_("articles"),
        related_name="newsletter_issues",
        blank=True,
    )
    include_events = models.BooleanField(
        _("include upcoming events"),
        default=True,
        help_text=_("List the published events that have not yet ended."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    sending_started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sending finished"), null=True, blank=True)
    content = models.JSONField(
        _("content as sent"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_(
            "The introduction, articles and events as they were when sending started: "
            "what every subscriber receives and what the archive on the site shows."
        ),
    )

    objects = IssueQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        permissions = [("send_issue", _("Can send newsletter issues to subscribers"))]
        indexes = [models.Index(fields=["status", "-sent_at"], name="issue_archive")]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        # Sent issues are public in the archive; drafts only in the admin's preview.
        if self.status == self.Status.SENT:
            return reverse("newsletter:issue", args=[self.pk])
        return reverse("admin:newsletter_issue_preview", args=[self.pk])


class IssueArticle(models.Model):
    issue = models.ForeignKey(
        Issue, verbose_name=_("issue"), on_delete=models.CASCADE, related_name="issue_articles"
    )
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="issue_articles",
        limit_choices_to={"status": "published"},
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["issue", "order", "pk"]
        verbose_name = _("article in the issue")
        verbose_name_plural = _("articles in the issue")
        constraints = [
            models.UniqueConstraint(fields=["issue", "article"], name="issue_article_once"),
        ]

    def __str__(self):
        return str(self.article)

    def get_absolute_url(self):
        return self.article.get_absolute_url()


class DeliveryQuerySet(models.QuerySet):
    def progress(self):
        """Counts per status, e.g. ``{"sent": 10, "pending": 2, ...}``, every status present."""
        counts = dict.fromkeys(Delivery.Status.values, 0)
        counts |= dict(self.values_list("status").annotate(n=models.Count("pk")).order_by())
        return counts


class Delivery(models.Model):
    """One issue to one subscriber. Unique, so that a resumed send never sends twice."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENT = "sent", _("Sent")
        # What the mail provider reported afterwards.
        DELIVERED = "delivered", _("Delivered")
        SOFT_BOUNCED = "soft_bounced", _("Not delivered for now")
        BOUNCED = "bounced", _("Bounced")
        COMPLAINED = "complained", _("Marked as spam")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped (no longer subscribing)")

    issue = models.ForeignKey(
        Issue, verbose_name=_("issue"), on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["issue", "pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="delivery_once_per_subscriber"
            ),
        ]
        indexes = [
            models.Index(fields=["issue", "status", "attempts", "id"], name="delivery_queue")
        ]

    def __str__(self):
        return f"{self.issue} → {self.subscriber}"

    def get_absolute_url(self):
        return reverse("admin:newsletter_delivery_change", args=[self.pk])


class ProviderEvent(models.Model):
    """A report from the mail provider that has been acted on, so a repeat is not."""

    key = models.CharField(
        _("key"),
        max_length=64,
        unique=True,
        help_text=_("A hash of the provider, its event id, the event and the recipient."),
    )
    esp_name = models.CharField(_("mail provider"), max_length=50)
    event_id = models.CharField(_("provider's event id"), max_length=200, blank=True)
    event_type = models.CharField(_("event"), max_length=30)
    received_at = models.DateTimeField(_("received"), default=timezone.now)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("mail provider report")
        verbose_name_plural = _("mail provider reports")

    def __str__(self):
        return f"{self.esp_name} {self.event_type} {self.event_id}".strip()

    def get_absolute_url(self):
        return reverse("admin:newsletter_providerevent_change", args=[self.pk])
