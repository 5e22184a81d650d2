"""Production: refuses to start without a real secret key, database and hosts.

HTTPS variables: ``SECURE_SSL_REDIRECT`` (default on; off lets a production-like
server be tried over plain HTTP on loopback), ``SECURE_HSTS_SECONDS`` (default one
year), ``SECURE_HSTS_PRELOAD``, ``SECURE_PROXY_SSL_HEADER`` (for a TLS-terminating
proxy, e.g. ``HTTP_X_FORWARDED_PROTO,https``), ``CSRF_TRUSTED_ORIGINS``.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY, SITE_URL, STORAGES, env

DEBUG = env.bool("DEBUG", default=False)

if not env("DATABASE_URL", default=""):
    raise ImproperlyConfigured("Production needs DATABASE_URL (postgres://...).")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "Production needs SECRET_KEY: a random string of at least 50 characters, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(64))'."
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Production needs ALLOWED_HOSTS (comma-separated host names).")
SITE_URL = SITE_URL or f"https://{ALLOWED_HOSTS[0]}"

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# A load balancer probes the health check over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
if env("SECURE_PROXY_SSL_HEADER", default=""):
    SECURE_PROXY_SSL_HEADER = tuple(env.list("SECURE_PROXY_SSL_HEADER"))
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
