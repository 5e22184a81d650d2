"""Merging duplicates in the admin: the page where staff choose which one to keep.

A merge action (people, tags) first answers with this page; its form posts the
action again with the chosen ``keep``, and then the action merges. Being a
``TemplateResponse``, the page is not logged as the action by ``logged_action``.
"""

from django.contrib import messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from secretariat.operations.audit import NOTHING_DONE


def choose_one_to_keep(modeladmin, request, objects, *, explanation, legend, label=str):
    """The one of ``objects`` that staff chose to keep, or what the action answers instead:
    the page to choose it on, or ``NOTHING_DONE`` (with a message) when there is nothing to
    merge."""
    opts = modeladmin.model._meta
    if len(objects) < 2:
        modeladmin.message_user(
            request,
            _("Select at least two %(things)s to merge.") % {"things": opts.verbose_name_plural},
            messages.WARNING,
        )
        return NOTHING_DONE
    keep_pk = request.POST.get("keep")
    keep = next((obj for obj in objects if str(obj.pk) == keep_pk), None)
    if keep is not None:
        return keep
    return TemplateResponse(
        request,
        "admin/merge.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": _("Merge %(things)s") % {"things": opts.verbose_name_plural},
            "opts": opts,
            "explanation": explanation,
            "legend": legend,
            "choices": [(obj.pk, label(obj)) for obj in objects],
            "action": request.POST.get("action"),
        },
    )
