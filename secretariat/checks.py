"""System checks of the site's own settings, run by `manage.py check --deploy`."""

from email.utils import parseaddr

from django.conf import settings
from django.core.checks import Warning

# Domains reserved for examples (RFC 2606, RFC 6761): an address there reaches nobody.
PLACEHOLDER_DOMAINS = ("example.org", "example.com", "example.net")
PLACEHOLDER_SUFFIXES = (".example", ".invalid", ".test", ".localhost", "localhost")


def is_placeholder(address):
    """Whether an email address (``Name <a@b>`` too) is missing or at an example domain."""
    domain = parseaddr(address or "")[1].rpartition("@")[2].lower()
    return (
        not domain
        or domain in PLACEHOLDER_DOMAINS
        or domain.endswith(tuple("." + name for name in PLACEHOLDER_DOMAINS))
        or domain.endswith(PLACEHOLDER_SUFFIXES)
    )


def contact_addresses(app_configs, **kwargs):
    """Warn while the addresses readers see or get mail from are placeholders."""
    warnings = []
    for setting, use in (
        ("CONTACT_EMAIL", "the footer, the accessibility statement and the privacy notice"),
        ("DEFAULT_FROM_EMAIL", "the sender of the newsletter and the site's other emails"),
    ):
        value = getattr(settings, setting)
        if is_placeholder(value):
            warnings.append(
                Warning(
                    f"{setting} is a placeholder ({value!r}); it is {use}.",
                    hint=f"Set {setting} in the environment to an address that is read.",
                    id="secretariat.W001",
                )
            )
    return warnings
