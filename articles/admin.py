"""The news desk: where secretariat staff write, schedule and publish articles."""

from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events.models import Person
from secretariat.content.admin_filters import RelatedSearchFilter, TagFilter
from secretariat.content.admin_filters import YearFilter as BaseYearFilter
from secretariat.content.admin_tags import TagSuggestions
from secretariat.content.admin_widgets import AutocompleteWithoutJavaScript
from secretariat.media.admin import ThumbnailAdmin
from secretariat.operations.audit import VersionedAdmin, logged_action

from .models import Article, Authorship, Hero


class AuthorshipInline(AutocompleteWithoutJavaScript, admin.TabularInline):
    model = Authorship
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["person", "order"]
    verbose_name = _("author")
    verbose_name_plural = _("authors, in the order the byline shows them")

    def get_queryset(self, request):
        # Each row is labelled with the author's name: fetched with the rows.
        return super().get_queryset(request).select_related("person")


class YearFilter(BaseYearFilter):
    date_field = "published_at"


class AuthorFilter(RelatedSearchFilter):
    title = _("authors")
    parameter_name = "author"
    model = Person
    link_column = "person_id"
    object_column = "article_id"

    def links(self):
        return Authorship.objects.all()


class ArticleChangeList(ChangeList):
    """The list leaves out the text and fetches the authors' names in one query."""

    def get_queryset(self, request, exclude_parameters=None):
        return (
            super()
            .get_queryset(request, exclude_parameters)
            .defer("body", "search_vector")
            .prefetch_related(
                Prefetch("authors", queryset=Person.objects.order_by("authorships__order"))
            )
        )


@admin.register(Article)
class ArticleAdmin(AutocompleteWithoutJavaScript, TagSuggestions, ThumbnailAdmin, VersionedAdmin):
    list_display = [
        "title",
        "thumbnail",
        "status",
        "published_at",
        "author_names",
        "is_live",
        "is_featured",
        "language",
        "preview_link",
    ]
    list_filter = ["status", YearFilter, "language", "is_featured", TagFilter, AuthorFilter]
    search_fields = ["title", "lead", "slug", "authors__name"]
    # No date_hierarchy: its two scans of the archive repeat the year filter.
    # "3 results (50,000 in all)" costs a second count of the archive: left out.
    show_full_result_count = False
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["events"]
    inlines = [AuthorshipInline]
    actions = ["publish", "unpublish"]
    list_per_page = 50
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (
            _("Publishing"),
            {"fields": ["status", "published_at", "is_featured", "language", "tags"]},
        ),
        (
            _("Image"),
            {
                "fields": [
                    "thumbnail",
                    "image",
                    "image_alt",
                    "image_decorative",
                    "image_caption",
                    "image_credit",
                ]
            },
        ),
        (_("Related events"), {"fields": ["events"]}),
    ]

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_readonly_fields(self, request, obj=None):
        # The address is what others link to: once published, it stays.
        if obj is not None and obj.status == Article.Status.PUBLISHED:
            return ["thumbnail", "slug"]
        return ["thumbnail"]

    def get_prepopulated_fields(self, request, obj=None):
        if "slug" in self.get_readonly_fields(request, obj):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def view_on_site(self, article):
        return article.get_absolute_url() if article.is_live else article.get_preview_url()

    @admin.display(description=_("authors"))
    def author_names(self, article):
        return ", ".join(person.name for person in article.authors.all())

    @admin.display(description=_("visible to the public"), boolean=True)
    def is_live(self, article):
        return article.is_live

    @admin.display(description=_("preview"))
    def preview_link(self, article):
        return format_html('<a href="{}">{}</a>', article.get_preview_url(), _("Preview"))

    @logged_action(_("Publish the selected articles"))
    def publish(self, request, queryset):
        now = timezone.now()
        drafts = queryset.filter(status=Article.Status.DRAFT)
        # A draft goes out now; one with a future time stays scheduled for it.
        count = drafts.filter(published_at__lte=now).update(
            status=Article.Status.PUBLISHED, published_at=now, updated_at=now
        )
        count += drafts.update(status=Article.Status.PUBLISHED, updated_at=now)
        self.message_user(
            request,
            ngettext(
                "%(count)d article was published.",
                "%(count)d articles were published.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @logged_action(_("Unpublish the selected articles (make them drafts)"))
    def unpublish(self, request, queryset):
        count = queryset.filter(status=Article.Status.PUBLISHED).update(
            status=Article.Status.DRAFT, updated_at=timezone.now()
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d article was unpublished.",
                "%(count)d articles were unpublished.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Hero)
class HeroAdmin(VersionedAdmin):
    list_display = ["heading", "is_active", "updated_at"]
    list_filter = ["is_active"]
    search_fields = ["heading", "text"]
    fields = ["heading", "text", "image", "image_alt", "link_url", "link_text", "is_active"]
