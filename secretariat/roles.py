"""Staff roles: one group per job, with only the permissions that job needs.

- "Redaktör" (editors) write and publish the content: articles and the
  front-page hero (the whole ``articles`` app), events, people and
  organisations (the whole ``events`` app), tags and pages. They cannot see
  the newsletter's subscribers.
- "Nyhetsbrevsansvarig" (newsletter managers) handle subscribers, issues,
  the export of subscribers and the sending of issues (the whole ``newsletter``
  app). They may look at articles and events, to put them in an issue, but
  not change them.
- "Administratör" (administrators) may do everything, including managing staff
  accounts. Superuser status is for the technical owner of the site only.

Roles name apps and models by label, so a model added later to one of these
apps is covered without a change here. The groups are brought up to date
after every ``migrate`` and by ``manage.py setup_roles``: the code is the
source of truth, and permissions added to these groups by hand are removed.
"""

import functools
import operator
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q


@dataclass(frozen=True)
class Role:
    key: str
    """How ``manage.py add_staff --role`` names the role."""
    name: str
    """The group's name, as staff see it in the admin."""
    manages: tuple[str, ...] = ()
    """``"app"`` or ``"app.model"``: every permission of these models."""
    views: tuple[str, ...] = ()
    """``"app.model"``: may only look at these."""
    permissions: tuple[str, ...] = ()
    """``"app.codename"``: named so that no one takes them away by accident."""
    everything: bool = False

    def permission_query(self):
        """The role's permissions, among those that exist in the database."""
        if self.everything:
            return Permission.objects.all()
        conditions = [_model_condition(target) for target in self.manages]
        for target in self.views:
            app_label, model = target.split(".")
            conditions.append(
                _model_condition(target) & Q(codename=f"view_{model}"),
            )
        for permission in self.permissions:
            app_label, codename = permission.split(".")
            conditions.append(Q(content_type__app_label=app_label, codename=codename))
        return Permission.objects.filter(functools.reduce(operator.or_, conditions))


def _model_condition(target):
    app_label, _, model = target.lower().partition(".")
    condition = Q(content_type__app_label=app_label)
    if model:
        condition &= Q(content_type__model=model)
    return condition


EDITOR = Role(
    key="editor",
    name="Redaktör",
    # articles: articles, authorships and the front-page hero (articles.Hero).
    # events: events, participations, people and organisations.
    # redirects: old addresses that lead to their new place.
    manages=("articles", "events", "taggit.tag", "secretariat.page", "redirects.redirect"),
)
NEWSLETTER_MANAGER = Role(
    key="newsletter",
    name="Nyhetsbrevsansvarig",
    manages=("newsletter",),
    views=("articles.article", "events.event"),
    permissions=("newsletter.export_subscriber", "newsletter.send_issue"),
)
ADMINISTRATOR = Role(key="administrator", name="Administratör", everything=True)

ROLES = (EDITOR, NEWSLETTER_MANAGER, ADMINISTRATOR)


def find_role(key_or_name):
    """The role called this (``editor`` or ``Redaktör``), or ``None``."""
    wanted = key_or_name.casefold()
    return next(
        (role for role in ROLES if wanted in (role.key.casefold(), role.name.casefold())),
        None,
    )


def sync_roles(using="default"):
    """Create the roles' groups and give each exactly its permissions."""
    groups = []
    with transaction.atomic(using=using):
        for role in ROLES:
            group, _ = Group.objects.using(using).get_or_create(name=role.name)
            group.permissions.set(role.permission_query().using(using))
            groups.append(group)
    return groups


def sync_roles_after_migrate(sender, using="default", **kwargs):
    """``post_migrate`` receiver: runs once, after the last app's permissions exist."""
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is with_models[-1]:
        sync_roles(using=using)
