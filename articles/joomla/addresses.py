"""The old Joomla site's addresses of articles, and where they lead now.

Joomla wrote an article's address in two ways, and both are in other sites'
links and in procurement documents:

- non-SEF: ``/index.php?option=com_content&view=article&id=42&catid=8&Itemid=101``
  (``id`` may read ``42:alias``);
- SEF: ``/nyheter/42-alias``, ``/nyheter/alias``, with or without ``/index.php``
  in front and ``.html`` at the end.

``reference`` reads either into an ``OldReference``; ``find_article`` finds the
imported article it names (on the Joomla id and alias kept on the article).
The importer uses both to rewrite links inside texts; ``OldAddressMiddleware``
to answer a request for an old address with a 301.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from django.conf import settings
from django.contrib.redirects.middleware import RedirectFallbackMiddleware
from django.contrib.redirects.models import Redirect
from django.contrib.sites.shortcuts import get_current_site
from django.db.models import Q

from secretariat.operations import page_cache

from ..models import Article
from .documents import site_path

NUMBERED = re.compile(r"^(\d+)-(.+)$")
SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class OldReference:
    """What an old address says of its article: a Joomla id, an alias, or both."""

    joomla_id: int | None = None
    alias: str = ""
    # "42-alias" may be article 42, or an alias that starts with digits ("2019-arsmote").
    segment: str = ""


def reference(path, query=""):
    """The article an old address names, or ``None`` when it names none."""
    parameters = parse_qs(query)
    if "option" in parameters or "view" in parameters:
        if parameters.get("option") != ["com_content"] or parameters.get("view") != ["article"]:
            return None
        number, _colon, alias = (parameters.get("id") or [""])[0].partition(":")
        return OldReference(joomla_id=int(number), alias=alias) if number.isdigit() else None
    segments = [unquote(part) for part in path.split("/") if part]
    if segments and segments[0] == "index.php":
        segments = segments[1:]
    if not segments:
        return None
    last = segments[-1]
    for suffix in SUFFIXES:
        last = last.removesuffix(suffix)
    numbered = NUMBERED.match(last)
    if numbered:
        return OldReference(joomla_id=int(numbered[1]), alias=numbered[2], segment=last)
    return OldReference(alias=last, segment=last)


def reference_from_link(link, site_root=""):
    """The article a link inside an old text names: relative, or on the old site."""
    path = site_path(link, site_root)
    query = urlsplit(link).query
    if path is None or (not path and not query):
        return None  # Another site, or "#anchor" only.
    return reference("/" + path, query)


def matches(candidates, old):
    """The one of ``candidates`` that ``old`` names, or ``None``.

    ``candidates`` have ``joomla_id`` and ``joomla_alias`` (articles, or plans of them).

    Tried in turn: the id and alias together, then the whole last segment as an alias,
    then the id alone (the alias was changed on the old site). An alias that
    several articles share names none of them.
    """
    by_both = [c for c in candidates if (c.joomla_id, c.joomla_alias) == (old.joomla_id, old.alias)]
    by_alias = [c for c in candidates if old.segment and c.joomla_alias == old.segment]
    by_id = [c for c in candidates if old.joomla_id is not None and c.joomla_id == old.joomla_id]
    for found in (by_both, by_alias, by_id):
        if len(found) == 1:
            return found[0]
    return None


def lookup(old):
    """The filter that finds every candidate for ``old`` in one query."""
    condition = Q(pk__in=[])
    if old.joomla_id is not None:
        condition |= Q(joomla_id=old.joomla_id)
    if old.segment:
        condition |= Q(joomla_alias=old.segment)
    return condition


def find_article(old):
    """The published article an old reference leads to, or ``None``."""
    candidates = Article.objects.published().filter(lookup(old))
    return matches(candidates.only("slug", "joomla_id", "joomla_alias"), old)


def new_address(path, query):
    """Where the old address ``path?query`` leads now, or ``None``."""
    old = reference(path, query)
    if old is None:
        return None
    article = find_article(old)
    return article.get_absolute_url() if article else None


class OldAddressMiddleware(RedirectFallbackMiddleware):
    """A 404 becomes a 301 to the page's new place: staff's redirects, then old Joomla addresses.

    Django's redirects app (staff edit those under "Omdirigeringar") is asked
    first, as ``RedirectFallbackMiddleware`` asks it; then the Joomla archive.
    Only a 404 is looked at, so ordinary pages cost nothing; the answer is kept
    like a cached page (``page_cache.remember``) until content or redirects change.
    """

    def process_response(self, request, response):
        if response.status_code != 404 or "\x00" in request.path:
            return response  # No address holds a NUL, and PostgreSQL's text cannot.
        target = page_cache.remember(
            f"old-address {request.get_full_path()}", lambda: self.find(request)
        )
        if target is None:
            return response
        if target == "":
            return self.response_gone_class()
        return self.response_redirect_class(target)

    def find(self, request):
        """A staff redirect's new path ("" for gone), else the Joomla article's address."""
        paths = [request.get_full_path()]
        if settings.APPEND_SLASH and not request.path.endswith("/"):
            paths.append(request.get_full_path(force_append_slash=True))
        redirects = dict(
            Redirect.objects.filter(site=get_current_site(request), old_path__in=paths).values_list(
                "old_path", "new_path"
            )
        )
        for path in paths:
            if path in redirects:
                return redirects[path]
        return new_address(request.path, request.META.get("QUERY_STRING", ""))
