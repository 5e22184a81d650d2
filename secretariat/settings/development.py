"""Development: what ``manage.py`` uses unless told otherwise. Needs no variables."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env
from .env import mailer_from_url

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="django-insecure-development-only-key-not-for-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Emails are written as files a newcomer can open: var/mail/*.log
MAILERS = {
    "default": mailer_from_url(env("EMAIL_URL", default=f"file://{BASE_DIR / 'var' / 'mail'}"))
}

# Serve static files straight from the apps' folders, re-read on each request.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Off while developing (and in tests, which switch it on where they test it):
# what you change should show on the next reload without thinking about caches.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
CONTENT_CACHE_SECONDS = env.int("CONTENT_CACHE_SECONDS", default=0)
