"""News articles: what the secretariat publishes most."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from secretariat.richtext import RichTextField


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """The single definition of what the public may see.

        Published, and with a publication time that has come: a future time
        makes an article scheduled, and it appears by itself at that moment.
        """
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class Language(models.TextChoices):
        SWEDISH = "sv", _("Swedish")
        ENGLISH = "en", _("English")

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("address"),
        max_length=250,
        unique=True,
        help_text=_("Made from the title. Do not change it once the article is published."),
    )
    lead = models.TextField(
        _("introduction"),
        help_text=_(
            "One or two sentences of plain text, shown in lists, feeds and the newsletter."
        ),
    )
    body = RichTextField(_("text"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication time"),
        default=timezone.now,
        help_text=_(
            "A time in the future schedules the article: it appears by itself at that moment."
        ),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    authors = models.ManyToManyField(
        "events.Person",
        through="Authorship",
        verbose_name=_("authors"),
        related_name="articles",
        blank=True,
    )
    tags = TaggableManager(_("tags"), blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.SWEDISH
    )
    image = models.ImageField(_("image"), upload_to="articles/", blank=True)
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required with an image."),
    )
    image_decorative = models.BooleanField(
        _("decorative image"),
        default=False,
        help_text=_(
            "Tick only if the image adds nothing to the text; it then needs no description."
        ),
    )
    image_caption = models.CharField(
        _("image caption"),
        max_length=500,
        blank=True,
        help_text=_("Shown under the image. Name the people in it: name, title, organisation."),
    )
    image_credit = models.CharField(
        _("photographer"), max_length=200, blank=True, help_text=_("E.g. 'Foto: Anna Berg'.")
    )
    events = models.ManyToManyField(
        "events.Event",
        verbose_name=_("related events"),
        related_name="articles",
        blank=True,
        help_text=_("Events this article reports from or announces."),
    )
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Show prominently on the front page.")
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        get_latest_by = "published_at"
        constraints = [
            models.CheckConstraint(
                condition=Q(image="") | Q(image_decorative=True) | ~Q(image_alt=""),
                name="article_image_has_alt_text",
                violation_error_message=_("Describe the image, or mark it as decorative."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_published"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})


class Authorship(models.Model):
    """An author of an article, in the order the byline shows them."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="authorships"
    )
    person = models.ForeignKey(
        "events.Person",
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="authorships",
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["article", "order", "pk"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="one_authorship_per_person"),
        ]

    def __str__(self):
        return str(self.person)
