"""Settings shared by development and production.

Environment variables (all optional in development):

- ``DATABASE_URL``: ``postgres://user:pass@host:5432/name``. Unset in development:
  the private cluster started by ``make db`` (``scripts/localdb.py``).
- ``SECRET_KEY``, ``DEBUG``, ``ALLOWED_HOSTS`` (comma separated).
- ``SITE_URL``: the public address, used for links in emails and feeds.
- ``EMAIL_URL``: where mail goes; see ``env.mailer_from_url``.
- ``DEFAULT_FROM_EMAIL``: the sender of the site's emails.
- ``ANYMAIL_WEBHOOK_SECRET``: ``user:password`` of the mail provider's webhooks.
- ``CONTACT_EMAIL``: the address readers write to, shown in the footer and the legal pages.
- ``CACHE_URL``: the shared cache: ``dbcache://django_cache`` (default, in PostgreSQL),
  ``redis://host:6379/0``.
- ``MEDIA_ROOT``: where uploaded files are stored.
- ``STATIC_ROOT``: where ``collectstatic`` gathers the static files.
- ``SECURE_SSL_REDIRECT`` and the other security variables: see ``production.py``.
"""

from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .env import env, local_database, mailer_from_url, s3_media_origin

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
    # Mail providers' APIs and their bounce and complaint webhooks (EMAIL_URL anymail+…).
    "anymail",
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
    # Only looks at 404 responses, so ordinary pages cost it no query: staff's
    # redirects (Django's redirects app), then the old Joomla site's addresses.
    "articles.joomla.addresses.OldAddressMiddleware",
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

# The caches (secretariat/operations/shared_cache.py and page_cache.py):
# - "default" holds what every worker and server must share, above all the counts
#   of the signup rate limits: Django's database cache on the site's PostgreSQL
#   (its table is made by `migrate`), or Redis when CACHE_URL names it.
# - "pages" holds the anonymous page cache: in each worker's own memory (a hit
#   costs no query at all; the workers of a machine share the content generation
#   through PAGE_CACHE_GENERATION_FILE), or in the shared cache when that is Redis
#   or Memcached, as fast as memory and shared by every server.
# - "rebuilt-pages", only beside pages in memory: a page rendered by one worker,
#   shared with the others, and the lock that lets one worker render it while
#   the others serve their previous copy. In a table of its own, so that pages
#   never push the rate limits' counts out.
CACHES = {"default": env.cache("CACHE_URL", default="dbcache://django_cache")}
if CACHES["default"]["BACKEND"].endswith("db.DatabaseCache"):
    # An incr that two workers cannot interleave; room for a counter per visitor.
    CACHES["default"]["BACKEND"] = "secretariat.operations.shared_cache.DatabaseCache"
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 20_000)
    CACHES["rebuilt-pages"] = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_page_cache",
        "OPTIONS": {"MAX_ENTRIES": 2_000},
    }
if CACHES["default"]["BACKEND"].endswith(("DatabaseCache", "LocMemCache", "FileBasedCache")):
    # Per process; bounded so that a gunicorn worker's memory stays flat.
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 500},
    }
else:
    CACHES["pages"] = dict(CACHES["default"])

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
# django-anymail. A provider's refusal of some recipients of a batch is
# recorded per recipient (newsletter/sending.py), not raised for the whole batch.
# ANYMAIL_WEBHOOK_SECRET ("user:password") guards the provider's webhooks at
# /anymail/, which are mounted only when it is set (secretariat/urls.py).
ANYMAIL = {"IGNORE_RECIPIENT_STATUS": True}
if env("ANYMAIL_WEBHOOK_SECRET", default=""):
    ANYMAIL["WEBHOOK_SECRET"] = env("ANYMAIL_WEBHOOK_SECRET")
# Where readers write: the footer, and the legal pages' {{ contact_email }}
# (secretariat/models.py). `check --deploy` warns while it is a placeholder.
CONTACT_EMAIL = env("CONTACT_EMAIL", default="kansliet@example.org")

# Tag slugs in ASCII, transliterated as every other address (secretariat/content/slugs.py):
# taggit's documented switch, which uses Unidecode.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True

# Background work (newsletter sending) runs in a worker: `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Security headers that hold in every environment; production.py adds HTTPS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A form posted without a valid token gets the site's 403 page (templates/403.html).
CSRF_FAILURE_VIEW = "secretariat.views.csrf_failure"
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
PAGE_CACHE_ALIAS = "pages"
# Where workers with pages in their own memory share what they render (None: nowhere).
PAGE_CACHE_SHARED_ALIAS = "rebuilt-pages" if "rebuilt-pages" in CACHES else None
# Values derived from content (list totals, page keys), kept the same way: see
# page_cache.remember and secretariat/content/pagination.py.
CONTENT_CACHE_SECONDS = env.int("CONTENT_CACHE_SECONDS", default=300)
# Models whose changes show on public pages: app labels or "app.Model".
PAGE_CACHE_CONTENT = [
    "articles",
    "events",
    "newsletter.Issue",
    "secretariat",
    "taggit",
    # Old addresses answer 301 from the cache too (articles.joomla.addresses).
    "redirects",
]
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
    s3 = {
        "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
        "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
        "region_name": env("AWS_S3_REGION_NAME", default=None),
        # Public pictures under a stable address (a CDN or the bucket's own).
        "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
        "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=False),
        "default_acl": None,
        "file_overwrite": False,
    }
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": s3}
    SERVE_MEDIA = False
    # Pages show pictures from the bucket's origin: the site's CSP must allow it.
    SECURE_CSP["img-src"] = [
        *SECURE_CSP["img-src"],
        s3_media_origin(s3["bucket_name"], s3["endpoint_url"], s3["custom_domain"]),
    ]
    del s3
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
# Counts in the database, shared by every worker and server (the default; said here
# because a cache handler would need the shared cache).
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
LOGIN_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
LOGIN_LOCKOUT_MINUTES = env.int("LOGIN_LOCKOUT_MINUTES", default=15)
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "secretariat.operations.requests.client_ip"
AXES_LOCKOUT_CALLABLE = "secretariat.operations.logins.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# Failures and lockouts are warnings; axes' routine messages would drown them.
LOGGING["loggers"]["axes"] = {"level": "WARNING"}
