"""Reading settings from the environment (12-factor)."""

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

env = environ.Env()

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
FILE_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"
LOCMEM_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# anymail+<provider>:// : the anymail backend, and the keys it needs, in the order
# they appear in the URL's user:password, each with its own variable to read
# when the URL has none. Amazon SES takes boto3's own (AWS_ACCESS_KEY_ID, …).
PROVIDERS = {
    "postmark": ("anymail.backends.postmark.EmailBackend", ["POSTMARK_SERVER_TOKEN"]),
    "mailjet": (
        "anymail.backends.mailjet.EmailBackend",
        ["MAILJET_API_KEY", "MAILJET_SECRET_KEY"],
    ),
    "brevo": ("anymail.backends.brevo.EmailBackend", ["BREVO_API_KEY"]),
    "amazon_ses": ("anymail.backends.amazon_ses.EmailBackend", []),
}


def _provider_mailer(provider, parts):
    backend, variables = PROVIDERS[provider]
    given = [unquote(parts.username or ""), unquote(parts.password or "")]
    query = parse_qs(parts.query)
    options = {}
    if provider == "amazon_ses":
        session = {"region_name": parts.hostname} if parts.hostname else {}
        if given[0]:
            session |= {"aws_access_key_id": given[0], "aws_secret_access_key": given[1]}
        options["session_params"] = session
    for variable, value in zip(variables, given, strict=False):
        value = value or env(variable, default="")
        if not value:
            raise ImproperlyConfigured(
                f"EMAIL_URL anymail+{provider}:// needs {variable}, in the URL or its variable."
            )
        # POSTMARK_SERVER_TOKEN -> server_token, MAILJET_API_KEY -> api_key
        options[variable.split("_", 1)[1].lower()] = value
    if "api_url" in query:
        options["api_url"] = query["api_url"][0]
    return {"BACKEND": backend, "OPTIONS": options}


def mailer_from_url(url):
    """Turn an ``EMAIL_URL`` into one entry of Django's ``MAILERS`` setting.

    - ``smtp://user:pass@host:587``: SMTP with STARTTLS (the safe default);
    - ``smtps://user:pass@host:465``: SMTP over implicit TLS;
    - ``smtp+insecure://127.0.0.1:1025``: plain SMTP, for a local test server;
    - ``file:///path/to/folder``: each message written to a file there;
    - ``console://`` and ``locmem://``: printed, or kept in memory;
    - ``anymail+postmark://SERVER_TOKEN@``, ``anymail+mailjet://API_KEY:SECRET_KEY@``,
      ``anymail+brevo://API_KEY@``, ``anymail+amazon_ses://KEY_ID:SECRET@REGION``:
      a mail provider's API through django-anymail; without keys in the URL,
      from ``PROVIDERS``' variables (``?api_url=`` points at another endpoint).

    A ``?timeout=N`` query sets the SMTP connection timeout in seconds (default 10).
    """
    if url.lower().startswith("anymail+"):
        # Split by hand: "amazon_ses" has a character a URL scheme may not have.
        scheme, _, rest = url.partition("://")
        provider = scheme.lower().removeprefix("anymail+")
        if provider not in PROVIDERS:
            raise ImproperlyConfigured(
                f"EMAIL_URL provider {provider!r} is not one of {', '.join(PROVIDERS)}."
            )
        return _provider_mailer(provider, urlsplit(f"anymail://{rest}"))
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "file":
        if not parts.path:
            raise ImproperlyConfigured("EMAIL_URL file:// needs a folder path.")
        return {"BACKEND": FILE_BACKEND, "OPTIONS": {"file_path": parts.path}}
    if scheme == "console":
        return {"BACKEND": CONSOLE_BACKEND}
    if scheme == "locmem":
        return {"BACKEND": LOCMEM_BACKEND}
    tls_modes = {"smtp": "starttls", "smtps": "ssl", "smtp+insecure": None}
    if scheme not in tls_modes:
        raise ImproperlyConfigured(
            f"EMAIL_URL scheme {scheme!r} is not one of smtp, smtps, "
            "smtp+insecure, file, console, locmem, anymail+<provider>."
        )
    if not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL needs a host name.")
    query = parse_qs(parts.query)
    default_port = {"starttls": 587, "ssl": 465, None: 25}[tls_modes[scheme]]
    options = {
        "host": parts.hostname,
        "port": parts.port or default_port,
        "username": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "use_tls": tls_modes[scheme] == "starttls",
        "use_ssl": tls_modes[scheme] == "ssl",
        "timeout": int(query.get("timeout", ["10"])[0]),
    }
    return {"BACKEND": SMTP_BACKEND, "OPTIONS": options}


def local_database(base_dir: Path):
    """The private cluster of ``scripts/localdb.py``: a Unix socket in ``.pgdata``."""
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "secretariat",
        "USER": "secretariat",
        "HOST": str((base_dir / ".pgdata").resolve()),
    }


def s3_media_origin(bucket, endpoint_url=None, custom_domain=None):
    """The origin pictures are served from with ``MEDIA_STORAGE=s3``, for the CSP's img-src.

    As django-storages builds the addresses: the custom domain (a CDN or the
    bucket's own name) over HTTPS; else the endpoint, which holds the bucket in
    its path; else AWS's own host for the bucket.
    """
    if custom_domain:
        return f"https://{custom_domain}"
    if endpoint_url:
        parts = urlsplit(endpoint_url)
        return f"{parts.scheme}://{parts.netloc}"
    return f"https://{bucket}.s3.amazonaws.com"
