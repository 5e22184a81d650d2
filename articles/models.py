"""News articles and the front page's hero: what the secretariat publishes most."""

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItem

from events.models import Event, Person
from secretariat.content.languages import Language
from secretariat.content.richtext import RichTextField, plain_text_in_sql
from secretariat.content.search import best_matches, search_vector_field
from secretariat.media.models import OPTIONAL, picture_model

# Paths under /aktuellt/ that are pages of their own, not articles.
RESERVED_SLUGS = {"sok", "rss", "atom", "amne", "arkiv", "forhandsvisning"}


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """The single definition of what the public may see.

        Published, and with a publication time that has come: a future time
        makes an article scheduled, and it appears by itself at that moment.
        """
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def with_tag(self, tag_id):
        """Articles carrying the tag numbered ``tag_id``.

        A semi-join on a known tag: PostgreSQL estimates from the tag's own
        statistics and probes each article in taggit's (content type, object)
        index, so a page of a popular tag reads its twenty articles, not the
        thousands of rows that name the tag. (Joined by slug, the tag is
        unknown when the plan is made, and the estimate is off a hundredfold.)
        """
        return self.filter(
            Exists(
                TaggedItem.objects.filter(
                    content_type=ContentType.objects.get_for_model(self.model),
                    object_id=OuterRef("pk"),
                    tag_id=tag_id,
                )
            )
        )

    def in_year(self, year):
        """Articles published in ``year`` in the site's time zone: a range on the
        column itself, so the index on ``published_at`` serves it."""
        start = datetime(year, 1, 1, tzinfo=timezone.get_current_timezone())
        return self.filter(published_at__gte=start, published_at__lt=start.replace(year=year + 1))

    def by_author(self, person):
        return self.filter(authorships__person=person)

    def for_listing(self):
        """What lists show: title, date, lead and the authors' names (one more query)."""
        return self.defer("body", "search_vector").prefetch_related(
            models.Prefetch("authors", queryset=_ordered_authors())
        )

    def for_page(self):
        """What an article's page shows: authors with organisations, tags, public events."""
        return self.prefetch_related(
            "tags",
            models.Prefetch(
                "authorships", queryset=Authorship.objects.select_related("person__organisation")
            ),
            models.Prefetch("events", queryset=Event.objects.published().order_by("starts_at")),
        )

    def tags(self):
        """The tags these articles carry; on ``published()``, the tags the public may see."""
        # A semi-join: one tag by slug costs an index probe, not a DISTINCT over the archive.
        return Tag.objects.filter(Exists(self.filter(tags=OuterRef("pk")))).order_by("name")

    def search(self, text):
        """Articles matching a visitor's search, best first (``best_matches``): a title
        spelt almost like the search is the fallback."""
        return best_matches(self, text, order=("-published_at", "-pk"), alike=F("title"))


def _ordered_authors():
    """The authors in their order on the article, as lists name them."""
    return Person.objects.order_by("authorships__order").only("name", "slug")


ArticlePicture = picture_model(
    "articles", help_text=_("A JPEG, PNG or WebP photo, preferably at least 1600 pixels wide.")
)


class Article(ArticlePicture):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    Language = Language

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
    # Which imported file the image came from, so that importing the same file
    # again copies nothing: "<sha256 of the file> <stored name>".
    image_source = models.CharField(max_length=300, blank=True, editable=False)
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
    # Where an article moved in from the old Joomla site came from (articles/joomla/):
    # a second import updates it instead of making a copy, and the old site's
    # addresses lead here. Empty for articles written on this site.
    joomla_id = models.PositiveIntegerField(
        _("Joomla id"),
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text=_("The article's number on the old site."),
    )
    joomla_alias = models.CharField(
        _("Joomla alias"),
        max_length=400,
        blank=True,
        default="",
        # The database's default too, for rows written outside Django (SQL, a restore).
        db_default="",
        db_index=True,
        editable=False,
        help_text=_("The last part of the article's address on the old site."),
    )
    # Kept by PostgreSQL itself: title weighs more than the introduction, which
    # weighs more than the text, so a word in the title ranks an article first.
    search_vector = search_vector_field(
        ("title", "A"), ("lead", "B"), (plain_text_in_sql("body"), "C")
    )

    objects = ArticleQuerySet.as_manager()

    class Meta(ArticlePicture.Meta):
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        get_latest_by = "published_at"
        indexes = [
            # What every public list filters and sorts on; covers the ids for deep pages.
            models.Index(fields=["status", "-published_at", "-id"], name="article_public_order"),
            GinIndex(fields=["search_vector"], name="article_search_vector"),
            GinIndex(fields=["title"], opclasses=["gin_trgm_ops"], name="article_title_trigram"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("This address is used by the news pages. Choose another.")}
            )
        if self.pk:
            stored = Article.objects.filter(pk=self.pk).values("slug", "status").first()
            if stored and stored["status"] == self.Status.PUBLISHED and stored["slug"] != self.slug:
                raise ValidationError(
                    {"slug": _("The address of a published article cannot change.")}
                )

    def get_preview_url(self):
        return reverse("articles:preview", kwargs={"pk": self.pk})

    @property
    def is_live(self):
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()

    @property
    def was_updated(self):
        """Whether the text changed on a later day than it was published."""
        return timezone.localdate(self.updated_at) > timezone.localdate(self.published_at)


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


class HeroQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


HeroPicture = picture_model("heroes", description=OPTIONAL)


class Hero(HeroPicture):
    """The large introduction at the top of the front page. One is shown at a time."""

    heading = models.CharField(_("heading"), max_length=120)
    text = models.TextField(_("text"), max_length=400, help_text=_("Two or three sentences."))
    link_url = models.CharField(
        _("link address"),
        max_length=500,
        blank=True,
        help_text=_("A page on this site such as /aktuellt/, or a full address."),
    )
    link_text = models.CharField(
        _("link text"),
        max_length=80,
        blank=True,
        help_text=_("Say where the link goes, e.g. 'Read the latest news'."),
    )
    is_active = models.BooleanField(
        _("shown on the front page"),
        default=False,
        help_text=_("Only one hero can be shown at a time."),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = HeroQuerySet.as_manager()

    class Meta:
        ordering = ["-is_active", "-updated_at"]
        verbose_name = _("front page hero")
        verbose_name_plural = _("front page heroes")
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"],
                condition=Q(is_active=True),
                name="one_active_hero",
                violation_error_message=_(
                    "Another hero is already shown on the front page. Untick it first."
                ),
            ),
            models.CheckConstraint(
                condition=Q(link_url="") | ~Q(link_text=""),
                name="hero_link_has_text",
                violation_error_message=_("A link needs a link text."),
            ),
        ]

    def __str__(self):
        return self.heading

    def get_absolute_url(self):
        return reverse("articles:home")
