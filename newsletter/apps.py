from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        from anymail.signals import tracking

        from .tracking import handle

        # Reports from the mail provider's webhooks: bounces, complaints, unsubscribes.
        tracking.connect(handle, dispatch_uid="newsletter.tracking")
