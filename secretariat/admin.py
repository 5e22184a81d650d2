from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .audit import VersionedAdmin, logged_action
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
