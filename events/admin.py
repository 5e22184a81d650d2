"""The staff's editing of events, people and organisations."""

from django.contrib import admin, messages
from django.db.models import Count, F
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from secretariat.content.admin_filters import RelatedSearchFilter, TagFilter
from secretariat.content.admin_filters import YearFilter as BaseYearFilter
from secretariat.content.admin_tags import TagSuggestions
from secretariat.content.admin_widgets import AutocompleteWithoutJavaScript
from secretariat.content.merging import choose_one_to_keep
from secretariat.media.admin import ThumbnailAdmin
from secretariat.operations.audit import VersionedAdmin, logged_action

from .models import Event, Organisation, Participation, Person
from .people import merge_people


class ParticipationInline(AutocompleteWithoutJavaScript, admin.TabularInline):
    model = Participation
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["person", "role", "order"]

    def get_queryset(self, request):
        # Each row is labelled "person (role), event": fetched with the rows.
        return super().get_queryset(request).select_related("person", "event")


class YearFilter(BaseYearFilter):
    date_field = "starts_at"


class OrganiserFilter(RelatedSearchFilter):
    title = _("organisers")
    parameter_name = "organiser"
    model = Organisation
    link_column = "organisation_id"
    object_column = "event_id"

    def links(self):
        return Event.organisers.through.objects.all()


class OrganisationFilter(RelatedSearchFilter):
    title = _("organisation")
    parameter_name = "organisation"
    model = Organisation
    link_column = "organisation_id"
    object_column = "pk"

    def links(self):
        return Person.objects.all()


@admin.register(Organisation)
class OrganisationAdmin(VersionedAdmin):
    list_display = ["name", "short_name", "country", "people_count"]
    search_fields = ["name", "short_name"]
    list_filter = ["country"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["name"]  # Meta.ordering does not apply to the counted (grouped) query.

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(people_count=Count("people"))

    @admin.display(description=_("people"), ordering="people_count")
    def people_count(self, organisation):
        return organisation.people_count


@admin.register(Person)
class PersonAdmin(AutocompleteWithoutJavaScript, ThumbnailAdmin, VersionedAdmin):
    list_display = ["name", "thumbnail", "title", "organisation"]
    fields = ["name", "slug", "title", "organisation", "bio", "thumbnail", "photo", "photo_alt"]
    readonly_fields = ["thumbnail"]
    picture_field = "photo"
    list_select_related = ["organisation"]
    list_filter = [OrganisationFilter]
    search_fields = ["name", "title", "organisation__name", "organisation__short_name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organisation"]
    fields = ["name", "slug", "title", "organisation", "bio", "photo", "photo_alt"]
    actions = ["merge"]

    @logged_action(_("Merge the selected people into one"))
    def merge(self, request, queryset):
        people = list(queryset.select_related("organisation").order_by("pk"))
        keep = choose_one_to_keep(
            self,
            request,
            people,
            explanation=_(
                "These people will become one. Their events and articles move to the person "
                "you keep; the others are deleted. Empty fields of the kept person are filled "
                "in from the others."
            ),
            legend=_("Who to keep"),
            label=lambda person: (
                f"{', '.join(filter(None, (person.name, person.affiliation)))} (#{person.pk})"
            ),
        )
        if not isinstance(keep, Person):
            return keep
        merge_people(keep, people)
        self.message_user(
            request,
            _("Merged into %(name)s. Events and articles now point to them.") % {"name": keep.name},
            messages.SUCCESS,
        )
        return redirect(reverse("admin:events_person_change", args=[keep.pk]))


@admin.register(Event)
class EventAdmin(AutocompleteWithoutJavaScript, TagSuggestions, ThumbnailAdmin, VersionedAdmin):
    list_display = ["title", "thumbnail", "kind", "status", "starts_at", "city", "is_live"]
    list_filter = ["status", "kind", YearFilter, OrganiserFilter, TagFilter]
    search_fields = ["title", "summary", "venue", "city", "organisers__name"]
    prepopulated_fields = {"slug": ["title"]}
    # No date_hierarchy: its two scans of every event repeat the year filter.
    show_full_result_count = False
    autocomplete_fields = ["organisers"]
    inlines = [ParticipationInline]
    actions = ["publish", "cancel", "copy"]
    readonly_fields = ["thumbnail", "sequence", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "status", "summary", "description"]}),
        (
            _("Time"),
            {"fields": ["starts_at", "ends_at", "all_day", "timezone"]},
        ),
        (
            _("Place"),
            {"fields": ["venue", "city", "country", "online_url"]},
        ),
        (
            _("Organisers and registration"),
            {"fields": ["organisers", "registration_url", "registration_closes_at"]},
        ),
        (
            _("Image, topics and language"),
            {
                "fields": [
                    "thumbnail",
                    "image",
                    "image_alt",
                    "image_decorative",
                    "tags",
                    "language",
                ]
            },
        ),
        (_("Calendar"), {"fields": ["sequence", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_prepopulated_fields(self, request, obj=None):
        # Once public, the address stays: links and calendars point to it.
        return {} if obj and obj.is_public else self.prepopulated_fields

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "slug"] if obj and obj.is_public else fields

    @admin.display(description=_("on the site"), boolean=True)
    def is_live(self, event):
        return event.is_public

    def view_on_site(self, event):
        if event.is_public:
            return event.get_absolute_url()
        return reverse("events:preview", kwargs={"slug": event.slug})

    @staticmethod
    def _set_status(queryset, status):
        """Events not yet in ``status`` move to it; calendars that hold them update them."""
        return queryset.exclude(status=status).update(
            status=status, sequence=F("sequence") + 1, updated_at=timezone.now()
        )

    @logged_action(_("Publish the selected events"))
    def publish(self, request, queryset):
        count = self._set_status(queryset, Event.Status.PUBLISHED)
        self.message_user(
            request,
            ngettext("%(count)d event published.", "%(count)d events published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @logged_action(_("Cancel the selected events"))
    def cancel(self, request, queryset):
        count = self._set_status(queryset, Event.Status.CANCELLED)
        self.message_user(
            request,
            ngettext(
                "%(count)d event marked cancelled. It stays on the site, marked cancelled.",
                "%(count)d events marked cancelled. They stay on the site, marked cancelled.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @logged_action(_("Copy as a new draft"))
    def copy(self, request, queryset):
        """For recurring formats: same text, organisers, topics and people, as a draft."""
        copies = []
        for event in queryset.prefetch_related("organisers", "tags", "participations"):
            copy = Event.objects.get(pk=event.pk)
            copy.pk = None
            copy._state.adding = True
            copy._calendar_state = None
            copy.slug = ""
            copy.status = Event.Status.DRAFT
            copy.sequence = 0
            copy.title = _("Copy of %(title)s") % {"title": event.title}
            copy.save()
            copy.organisers.set(event.organisers.all())
            copy.tags.set(list(event.tags.all()))
            Participation.objects.bulk_create(
                Participation(event=copy, person_id=p.person_id, role=p.role, order=p.order)
                for p in event.participations.all()
            )
            copies.append(copy)
        if len(copies) == 1:
            self.message_user(
                request,
                format_html(
                    _("Copied as a draft: {}. Set its new dates and publish it."), copies[0].title
                ),
                messages.SUCCESS,
            )
            return redirect(reverse("admin:events_event_change", args=[copies[0].pk]))
        self.message_user(
            request,
            ngettext("%(count)d draft made.", "%(count)d drafts made.", len(copies))
            % {"count": len(copies)},
            messages.SUCCESS,
        )
        return None
