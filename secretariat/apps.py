from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class SecretariatConfig(AppConfig):
    name = "secretariat"
    verbose_name = _("Site")

    def ready(self):
        from . import page_cache

        # Connected for every model; the receiver keeps those in
        # PAGE_CACHE_CONTENT, so the apps need not know about the cache.
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(page_cache.content_changed, dispatch_uid="secretariat.page_cache")
