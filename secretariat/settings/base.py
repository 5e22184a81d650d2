"""Settings shared by development and production.

Environment variables (all optional in development):

- ``DATABASE_URL``: ``postgres://user:pass@host:5432/name``. Unset in development:
  the private cluster started by ``make db`` (``scripts/localdb.py``).
- ``SECRET_KEY``, ``DEBUG``, ``ALLOWED_HOSTS`` (comma separated).
- ``SITE_URL``: the public address, used for links in emails and feeds.
- ``EMAIL_URL``: where mail goes; see ``env.mailer_from_url``.
- ``DEFAULT_FROM_EMAIL``: the sender of the site's emails.
- ``NEWSLETTER_SENDING_CONNECTIONS``: SMTP connections a newsletter issue goes
  out over at once (default 4).
- ``CACHE_URL``: ``locmemcache://`` (default), ``redis://host:6379/0``, ``dbcache://table``.
- ``MEDIA_ROOT``: where uploaded files are stored.
- ``STATIC_ROOT``: where ``collectstatic`` gathers the static files.
- ``SECURE_SSL_REDIRECT`` and the other security variables: see ``production.py``.
"""

from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .env import env, local_database, mailer_from_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
SITE_URL = env("SITE_URL", default="").rstrip("/")
SITE_NAME = _("National Secretariat for Sustainable Public Procurement")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # Old addresses that answer 301 to their new place (moved pages, the Joomla
    # archive); staff edit them under "Omdirigeringar". The sites framework is
    # only there because the redirects app needs it: one site, SITE_ID = 1.
    "django.contrib.sites",
    "django.contrib.redirects",
    "django_countries",
    "django_filters",
    "django_prose_editor",
    "django_tasks_db",
    "taggit",
    "secretariat",
    "events",
    "articles",
    "newsletter",
    "search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304 Not Modified for every page, feeds and calendars included,
    # whether the page came from the cache or was rendered; views that set
    # their own ETag or Last-Modified keep them.
    "django.middleware.http.ConditionalGetMiddleware",
    "secretariat.operations.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "secretariat.middleware.PermissionsPolicyMiddleware",
    # Only looks at 404 responses: ordinary pages cost it no query.
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
]

SITE_ID = 1

ROOT_URLCONF = "secretariat.urls"
WSGI_APPLICATION = "secretariat.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "secretariat.context_processors.site",
            ],
        },
    },
]

# Database. Short connection timeouts so that requests fail fast (503) while
# PostgreSQL is away, and health checks so that workers recover by themselves.
if env("DATABASE_URL", default=""):
    DATABASES = {"default": env.db("DATABASE_URL")}
else:
    DATABASES = {"default": local_database(BASE_DIR)}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    # Per process; bounded so that a gunicorn worker's memory stays flat.
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 500)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

# Swedish first. UI strings are English in code and translated in locale/sv/.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Where `collectstatic` gathers the files; the browser tests collect into a temporary folder.
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
# Serve uploads from Django itself. Fine for development and a small site;
# behind a web server or object storage, turn it off.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o644
# Limits on uploaded pictures (secretariat/media/images.py).
IMAGE_MAX_BYTES = env.int("IMAGE_MAX_BYTES", default=15 * 1024 * 1024)
IMAGE_MAX_PIXELS = env.int("IMAGE_MAX_PIXELS", default=40_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Mail goes through MAILERS (Django 6.1), configured by EMAIL_URL.
MAILERS = {"default": mailer_from_url(env("EMAIL_URL", default="console://"))}
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL",
    default="Nationella kansliet för hållbar upphandling <nyhetsbrev@example.org>",
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Newsletter issues go out over this many SMTP connections at once, each with
# a database connection of its own (newsletter/sending.py); 1 sends one by one.
NEWSLETTER_SENDING_CONNECTIONS = env.int("NEWSLETTER_SENDING_CONNECTIONS", default=4)

# Background work (newsletter sending) runs in a worker: `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Security headers that hold in every environment; production.py adds HTTPS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"},
    },
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
    },
}

# The anonymous page cache (secretariat/operations/page_cache.py): whole pages for readers
# who are not logged in, made stale at once when content changes, and never
# kept past PAGE_CACHE_SECONDS nor past the next scheduled moment below.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60)
PAGE_CACHE_ALIAS = "default"
# Values derived from content (list totals, page keys), kept the same way: see
# page_cache.remember and secretariat/content/pagination.py.
CONTENT_CACHE_SECONDS = env.int("CONTENT_CACHE_SECONDS", default=300)
# Models whose changes show on public pages: app labels or "app.Model".
PAGE_CACHE_CONTENT = ["articles", "events", "newsletter.Issue", "secretariat", "taggit"]
# "app.Model.field": times at which public pages change with no save at all
# (a scheduled article appears, an event stops being upcoming).
PAGE_CACHE_SCHEDULES = ["articles.Article.published_at", "events.Event.ends_at"]
# Only with the local memory cache: the generation shared by a machine's workers.
PAGE_CACHE_GENERATION_FILE = env(
    "PAGE_CACHE_GENERATION_FILE", default=str(BASE_DIR / "var" / "page-cache-generation")
)

# Sessions in PostgreSQL by default, so any app server can serve any visitor;
# SESSION_STORE=cache or cached_db with a shared cache (Redis) takes them off the database.
SESSION_STORE = env("SESSION_STORE", default="db")
if SESSION_STORE not in {"db", "cache", "cached_db"}:
    raise ImproperlyConfigured("SESSION_STORE must be db, cache or cached_db.")
SESSION_ENGINE = f"django.contrib.sessions.backends.{SESSION_STORE}"

# Media: files under MEDIA_ROOT by default. With several app servers they must
# live where all of them can reach: MEDIA_STORAGE=s3 stores uploads in an
# S3-compatible bucket through django-storages (credentials from the standard
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables, read by boto3).
MEDIA_STORAGE = env("MEDIA_STORAGE", default="local")
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            # Public pictures under a stable address (a CDN or the bucket's own).
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=False),
            "default_acl": None,
            "file_overwrite": False,
        },
    }
    SERVE_MEDIA = False
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured("MEDIA_STORAGE must be local or s3.")

# Newsletter: days after which unsubscribed and never-confirmed subscribers'
# personal data is erased by `manage.py purge_subscribers`.
NEWSLETTER_RETENTION_DAYS = env.int("NEWSLETTER_RETENTION_DAYS", default=30)

# Staff logins (issue 7): django-axes counts failed logins per account and per
# address and locks either out for a while; secretariat/operations/logins.py explains it
# to the person. Variables: LOGIN_FAILURE_LIMIT, LOGIN_LOCKOUT_MINUTES, and
# TRUSTED_PROXY_COUNT (reverse proxies in front of the site, whose
# X-Forwarded-For entries give the client's address; 0 trusts only the socket).
INSTALLED_APPS += ["secretariat.apps.LoginAttemptsConfig", "reversion"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    "secretariat.operations.logins.LoginProtectionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
LOGIN_LOCKOUT_MINUTES = env.int("LOGIN_LOCKOUT_MINUTES", default=15)
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "secretariat.operations.logins.client_ip"
AXES_LOCKOUT_CALLABLE = "secretariat.operations.logins.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# Failures and lockouts are warnings; axes' routine messages would drown them.
LOGGING["loggers"]["axes"] = {"level": "WARNING"}
