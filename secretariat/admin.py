"""The admin's own labels, pages, and the admins of what no app owns: tags, login attempts."""

from axes.admin import AccessAttemptAdmin as AxesAccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from taggit.admin import TagAdmin as TaggitTagAdmin
from taggit.models import Tag, TaggedItem

from secretariat.operations.audit import VersionedAdmin, logged_action

from .content.merging import choose_one_to_keep
from .models import Page

admin.site.site_header = _("National Secretariat for Sustainable Public Procurement")
admin.site.site_title = _("Site administration")
admin.site.index_title = _("Content")


@admin.register(Page)
class PageAdmin(VersionedAdmin):
    list_display = ["title", "slug", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["title", "intro", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "intro", "body", "is_published"]
    actions = ["publish", "unpublish"]

    @logged_action(_("Publish the selected pages"))
    def publish(self, request, queryset):
        queryset.update(is_published=True)

    @logged_action(_("Hide the selected pages from the public"))
    def unpublish(self, request, queryset):
        queryset.update(is_published=False)


# Tags are shared by articles and events. taggit's own merge action only leads to
# a page of its own, which nothing logs; this one confirms, merges and is logged.
admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(TaggitTagAdmin):
    # taggit's inline lists every article and event with the tag, a form each:
    # thousands for a popular tag. The tag's lists in the articles' and events'
    # admins (filter by tag) show them instead.
    inlines = []
    actions = ["merge"]

    @logged_action(_("Merge the selected tags into one"))
    def merge(self, request, queryset):
        tags = list(queryset.order_by("name"))
        keep = choose_one_to_keep(
            self,
            request,
            tags,
            explanation=_(
                "These tags will become one: every article and event with any of them gets "
                "the tag you keep. The others are deleted."
            ),
            legend=_("Which tag to keep"),
        )
        if not isinstance(keep, Tag):
            return keep
        merge_tags(keep, tags)
        self.message_user(
            request, _("Merged into %(name)s.") % {"name": keep.name}, messages.SUCCESS
        )
        return None


def merge_tags(keep, tags):
    """Whatever carries any of ``tags`` carries ``keep``; the other tags are deleted."""
    others = [tag.pk for tag in tags if tag.pk != keep.pk]
    tagged = set(TaggedItem.objects.filter(tag=keep).values_list("content_type_id", "object_id"))
    for item in TaggedItem.objects.filter(tag__in=others).order_by("pk"):
        if (item.content_type_id, item.object_id) not in tagged:
            TaggedItem.objects.create(
                tag=keep, content_type_id=item.content_type_id, object_id=item.object_id
            )
            tagged.add((item.content_type_id, item.object_id))
    Tag.objects.filter(pk__in=others).delete()  # Their tagged items go with them.


# django-axes's clean-up of expired login attempts, logged like every action.
admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class AccessAttemptAdmin(AxesAccessAttemptAdmin):
    @logged_action(_("Clean up expired attempts"))
    def cleanup_expired_attempts(self, request, queryset):
        return super().cleanup_expired_attempts(request, queryset)
