from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.core.checks import register as register_check
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop


class SecretariatConfig(AppConfig):
    default = True  # apps.py holds a second config, for django-axes
    name = "secretariat"
    verbose_name = _("Site")

    def ready(self):
        from . import checks
        from .content.links import sync_site_domain
        from .operations import page_cache
        from .operations.shared_cache import create_cache_table
        from .roles import sync_roles_after_migrate

        register_check(checks.contact_addresses, deploy=True)
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="secretariat.roles")
        post_migrate.connect(sync_site_domain, sender=self, dispatch_uid="secretariat.site")
        post_migrate.connect(
            create_cache_table, sender=self, dispatch_uid="secretariat.cache_table"
        )

        # Connected for every model; the receiver keeps those in
        # PAGE_CACHE_CONTENT, so the apps need not know about the cache.
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(page_cache.content_changed, dispatch_uid="secretariat.page_cache")


class LoginAttemptsConfig(AxesAppConfig):
    """django-axes (secretariat/operations/logins.py), under a name staff understand."""

    verbose_name = _("Login attempts")


# django-axes has no Swedish translation; these are the labels of its admin,
# translated in locale/sv (which takes precedence over the apps' catalogues).
AXES_ADMIN_LABELS = (
    gettext_noop("Access Attempt"),
    gettext_noop("Access lock out"),
    gettext_noop("Attempt Remaining"),
    gettext_noop("Attempt Time"),
    gettext_noop("Clean up expired attempts"),
    gettext_noop("Expires At"),
    gettext_noop("Failed Logins"),
    gettext_noop("Form Data"),
    gettext_noop("GET Data"),
    gettext_noop("HTTP Accept"),
    gettext_noop("IP Address"),
    gettext_noop("Locked Out"),
    gettext_noop("Logout Time"),
    gettext_noop("Meta Data"),
    gettext_noop("Not set"),
    gettext_noop("POST Data"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    gettext_noop("User Agent"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
)
