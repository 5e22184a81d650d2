"""Who changed what, and when: the admin history of every object.

Django's admin records each add, change and delete through a form in its log
(``LogEntry``), shown on the object's "History" page. Two additions:

- ``logged_action``: custom admin actions change many objects at once without
  a form, so Django records nothing; decorated, they leave a line in the
  log of each object they touched (and a version, for a ``VersionedAdmin``),
  in the same transaction as the change.
- ``VersionedAdmin``: for content that staff edit often, django-reversion
  keeps every saved version, so the "History" page can show an earlier
  version and restore it, and deleted objects can be recovered.
"""

import functools

import reversion
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from reversion.admin import VersionAdmin

NOTHING_DONE = object()
"""What a ``logged_action`` returns when it changed nothing, so that nothing is logged."""


def logged_action(description, *, permissions=None):
    """Like ``@admin.action``, and each selected object's history records the action.

    The objects are read before the action runs, so an action that changes
    what the selection matches still logs every object it was given; each is
    logged as the action left it (an erased subscriber is no longer named by
    its address). An action that answers with a page of its own (a
    ``TemplateResponse``: a confirmation step) has done nothing yet and logs
    nothing; it is logged when the confirmed request runs it. Nor does one that
    returns ``NOTHING_DONE`` (say, a merge of fewer than two).
    """

    def decorator(function):
        @admin.action(description=description, permissions=permissions)
        @functools.wraps(function)
        def action(modeladmin, request, queryset):
            message = gettext("Action: %(action)s") % {"action": str(description)}
            with transaction.atomic():
                objects = list(queryset)
                response = function(modeladmin, request, queryset)
                if response is NOTHING_DONE:
                    return None
                if isinstance(response, TemplateResponse):
                    return response
                model = modeladmin.model
                after = model._default_manager.in_bulk([obj.pk for obj in objects])
                LogEntry.objects.log_actions(
                    user_id=request.user.pk,
                    queryset=[after.get(obj.pk, obj) for obj in objects],
                    action_flag=CHANGE,
                    change_message=message,
                )
                if after and reversion.is_registered(model):
                    _save_versions(after.values(), request.user, message)
            return response

        action.logged = True
        return action

    return decorator


def _save_versions(objects, user, message):
    """A version of each object as the action left it (deleted ones have none)."""
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(message)
        for obj in objects:
            reversion.add_to_revision(obj)


class VersionedAdmin(VersionAdmin):
    """A ``ModelAdmin`` whose objects keep their earlier versions, to restore them.

    Each save through the admin stores a version with who saved it and when;
    the "History" page lists them, newest first, each with a button to go
    back to it.
    """

    history_latest_first = True

    def reversion_register(self, model, **options):
        """Register ``model`` with django-reversion, leaving out its generated columns.

        A search vector is computed by the database from the fields beside it:
        not something an editor wrote, nor something to restore, and in a
        version it takes more room than the article's own text.
        """
        generated = [field.name for field in model._meta.concrete_fields if field.generated]
        super().reversion_register(model, exclude=generated, **options)
