"""The newsletter in the admin: subscribers (personal data), the consent ledger, issues.

Subscribers are seen only by staff given the newsletter permissions. Nobody
adds, edits or deletes subscribers or ledger lines by hand: people sign up
themselves, and the actions here (unsubscribe, erase) write to the ledger.
"""

import csv

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.csp import CSP
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.csp import csp_override

from secretariat.content.admin_widgets import AutocompleteWithoutJavaScript
from secretariat.operations.audit import logged_action

from . import sending, subscriptions, tasks
from .emails import RenderedIssue
from .models import ConsentEvent, Delivery, Issue, IssueArticle, ProviderEvent, Subscriber

# The preview shows the email as it is: its inline styles, nothing else.
PREVIEW_CSP = {
    "default-src": [CSP.NONE],
    "style-src": [CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ConsentEventInline(ReadOnlyMixin, admin.TabularInline):
    model = ConsentEvent
    fields = ["created_at", "kind", "method", "consent_version", "ip_hash"]
    readonly_fields = fields
    extra = 0


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "name",
        "status",
        "source",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
    ]
    list_filter = ["status", "source"]
    search_fields = ["email", "name"]
    date_hierarchy = "created_at"
    show_facets = admin.ShowFacets.ALWAYS
    # The facets already count each state; a second count of all rows keeps the
    # list within its query budget (tests/newsletter/test_admin.py).
    show_full_result_count = False
    readonly_fields = [
        "email",
        "status",
        "source",
        "created_at",
        "confirmation_sent_at",
        "confirmed_at",
        "unsubscribed_at",
        "stopped_at",
        "stop_reason",
        "stop_event_id",
        "soft_bounces",
        "erased_at",
    ]
    fields = ["email", "name", *readonly_fields[1:]]
    inlines = [ConsentEventInline]
    actions = ["export_csv", "unsubscribe", "reactivate", "erase"]
    view_on_site = False

    def has_add_permission(self, request):
        # Consent is given by the person, through the form and the confirmation link.
        return False

    def has_delete_permission(self, request, obj=None):
        # Erase instead: the consent ledger must keep its lines.
        return False

    def has_export_permission(self, request):
        return request.user.has_perm("newsletter.export_subscriber")

    @logged_action(
        gettext_lazy("Export the confirmed subscribers among those selected (CSV)"),
        permissions=["export"],
    )
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"prenumeranter-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response.write("\ufeff")  # So that Excel reads the file as UTF-8.
        writer = csv.writer(response)
        writer.writerow([_("Email address"), _("Name"), _("Confirmed"), _("Source")])
        for subscriber in queryset.confirmed().order_by("email"):
            writer.writerow(
                [
                    _csv_cell(subscriber.email),
                    _csv_cell(subscriber.name),
                    timezone.localtime(subscriber.confirmed_at).strftime("%Y-%m-%d %H:%M"),
                    subscriber.get_source_display(),
                ]
            )
        return response

    @logged_action(gettext_lazy("Unsubscribe the selected"), permissions=["change"])
    def unsubscribe(self, request, queryset):
        for pk in queryset.values_list("pk", flat=True):
            subscriptions.unsubscribe(pk, ConsentEvent.Method.ADMIN)
        self.message_user(request, _("The selected subscribers are unsubscribed."))

    @logged_action(
        gettext_lazy("Reactivate the selected that bounced or were reported as spam"),
        permissions=["change"],
    )
    def reactivate(self, request, queryset):
        stopped = queryset.filter(
            status__in=[Subscriber.Status.BOUNCED, Subscriber.Status.COMPLAINED]
        ).values_list("pk", flat=True)
        count = sum(subscriptions.reactivate(pk) for pk in stopped)
        self.message_user(
            request,
            ngettext(
                "%(count)d subscriber receives the newsletter again.",
                "%(count)d subscribers receive the newsletter again.",
                count,
            )
            % {"count": count},
        )
        if count < queryset.count():
            self.message_user(
                request,
                _(
                    "Only addresses that bounced or were reported as spam, and whose owner "
                    "had confirmed, can be reactivated. The others are unchanged."
                ),
                messages.WARNING,
            )

    @logged_action(gettext_lazy("Erase the personal data of the selected"), permissions=["change"])
    def erase(self, request, queryset):
        count = 0
        for subscriber in queryset.exclude(status=Subscriber.Status.ERASED):
            subscriptions.erase(subscriber, ConsentEvent.Method.ADMIN)
            count += 1
        self.message_user(
            request,
            ngettext(
                "Erased the personal data of %(count)d subscriber.",
                "Erased the personal data of %(count)d subscribers.",
                count,
            )
            % {"count": count},
        )


def _csv_cell(value):
    """Keep spreadsheet programs from running a value that looks like a formula."""
    value = value or ""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@admin.register(ConsentEvent)
class ConsentEventAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["created_at", "subscriber", "kind", "method", "consent_version"]
    list_filter = ["kind", "method", "consent_version"]
    list_select_related = ["subscriber"]
    search_fields = ["subscriber__email"]
    date_hierarchy = "created_at"
    view_on_site = False


class IssueArticleInline(AutocompleteWithoutJavaScript, admin.TabularInline):
    model = IssueArticle
    fields = ["order", "article"]
    autocomplete_fields = ["article"]
    extra = 1


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["subject", "status", "created_at", "sent_at", "progress"]
    list_filter = ["status"]
    search_fields = ["subject"]
    date_hierarchy = "created_at"
    fields = ["subject", "introduction", "include_events"]
    readonly_fields = ["status", "sending_started_at", "sent_at", "progress"]
    inlines = [IssueArticleInline]
    change_form_template = "admin/newsletter/issue/change_form.html"
    view_on_site = False  # The change page has its own preview link.

    def get_fields(self, request, obj=None):
        if obj is None:
            return self.fields
        return [*self.fields, *self.readonly_fields]

    def get_queryset(self, request):
        counts = {
            f"count_{status}": Count("deliveries", filter=Q(deliveries__status=status))
            for status in Delivery.Status.values
        }
        return super().get_queryset(request).annotate(**counts)

    def has_change_permission(self, request, obj=None):
        # Once sending has started, what was sent is what the issue shows.
        if obj is not None and obj.status != Issue.Status.DRAFT:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status != Issue.Status.DRAFT:
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description=gettext_lazy("progress"))
    def progress(self, obj):
        counts = {status: getattr(obj, f"count_{status}", 0) for status in Delivery.Status.values}
        if not any(counts.values()):
            return None
        return (
            _(
                "%(sent)d sent, %(delivered)d delivered, %(bounced)d bounced, "
                "%(complained)d marked as spam, %(failed)d failed, %(pending)d waiting"
            )
            % counts
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/preview/", view(self.preview), name="newsletter_issue_preview"),
            path("<path:object_id>/test/", view(self.send_test), name="newsletter_issue_test"),
            path("<path:object_id>/send/", view(self.send), name="newsletter_issue_send"),
            *super().get_urls(),
        ]

    def _issue(self, request, object_id):
        issue = get_object_or_404(self.get_queryset(request), pk=unquote(object_id))
        if not self.has_view_permission(request, issue):
            raise PermissionDenied
        return issue

    @csp_override(PREVIEW_CSP)
    def preview(self, request, object_id):
        return HttpResponse(RenderedIssue(self._issue(request, object_id)).preview_html())

    def send_test(self, request, object_id):
        issue = self._issue(request, object_id)
        if not request.user.has_perm("newsletter.change_issue"):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.email:
            self.message_user(
                request,
                _("Your account has no email address. Add one under your user details."),
                messages.ERROR,
            )
        else:
            address = request.user.email
            transaction.on_commit(lambda: tasks.send_test_issue.enqueue(issue.pk, address))
            self.message_user(
                request,
                _("A test is on its way to %(address)s.") % {"address": address},
                messages.SUCCESS,
            )
        return redirect(reverse("admin:newsletter_issue_change", args=[issue.pk]))

    def send(self, request, object_id):
        """GET asks for confirmation, with the number of recipients; POST starts (or resumes)."""
        issue = self._issue(request, object_id)
        if not request.user.has_perm("newsletter.send_issue"):
            raise PermissionDenied
        if request.method == "POST" and issue.status != Issue.Status.SENT:
            with transaction.atomic():
                sending.start_sending(issue.pk)
                transaction.on_commit(lambda: tasks.send_issue.enqueue(issue.pk))
            self.message_user(
                request,
                _("Sending has started. The progress shows here; reload the page to follow it."),
                messages.SUCCESS,
            )
            return redirect(reverse("admin:newsletter_issue_change", args=[issue.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "issue": issue,
            "recipients": Subscriber.objects.confirmed().count(),
            "title": _("Send the newsletter"),
        }
        return TemplateResponse(request, "admin/newsletter/issue/send.html", context)

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["can_send"] = request.user.has_perm("newsletter.send_issue")
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["issue", "subscriber", "status", "attempts", "sent_at", "error"]
    list_filter = ["status", "issue"]
    list_select_related = ["issue", "subscriber"]
    search_fields = ["subscriber__email"]
    view_on_site = False


@admin.register(ProviderEvent)
class ProviderEventAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["received_at", "esp_name", "event_type", "event_id"]
    list_filter = ["esp_name", "event_type"]
    search_fields = ["event_id"]
    show_full_result_count = False
    view_on_site = False
