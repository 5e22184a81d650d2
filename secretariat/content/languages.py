"""The languages content is written in: one set of choices for articles and events."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    """What an article or event is written in (``lang`` on its page, ``inLanguage``
    for search engines). The interface's own languages are ``settings.LANGUAGES``."""

    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")
