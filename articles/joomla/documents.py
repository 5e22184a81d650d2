"""Reading the old site's content as Joomla 4/5 serves it: JSON:API documents.

Two sources give the same ``Archive``:

- a folder of saved API responses: every ``*.json`` file in it is one JSON:API
  document whose ``data`` (and ``included``) holds resources of type
  ``articles``, ``categories``, ``tags`` or ``users``;
- the live site, through its Web Services API (``/api/index.php/v1/…``), with
  the API token in the ``X-Joomla-Token`` header and every page of a
  collection followed through the document's ``links.next``.

The token is sent only to the site named: a ``links.next`` that leads
elsewhere is refused. Addresses must be ``https://``; plain ``http://`` is
allowed only on the loopback interface, where the tests run a small server.
"""

import ipaddress
import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from secretariat.media.images import max_bytes

RESOURCE_TYPES = ("articles", "categories", "tags", "users")
# The collections read from a live site, at most this many resources a page.
COLLECTIONS = {
    "articles": "v1/content/articles",
    "categories": "v1/content/categories",
    "tags": "v1/tags",
    "users": "v1/users",
}
PAGE_LIMIT = 100
API_PATH = "/api/index.php/"
TIMEOUT_SECONDS = 30
# More pages than this in one collection means the site's links go round in circles.
MAX_PAGES = 10_000


class SourceError(Exception):
    """The old site or the folder cannot be read; said so that a person can fix it."""


@dataclass
class Archive:
    """Each resource's attributes and relationships, by type and Joomla id."""

    articles: dict = field(default_factory=dict)
    categories: dict = field(default_factory=dict)
    tags: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    # The old site's address ("https://www.example.se/"), when the documents tell it.
    site_root: str = ""

    def add_document(self, document, where):
        if not isinstance(document, dict) or "data" not in document:
            raise SourceError(f"{where}: not a JSON:API document (it has no 'data')")
        data = document["data"]
        resources = data if isinstance(data, list) else [data]
        for resource in [*resources, *(document.get("included") or [])]:
            self.add_resource(resource, where)
        if not self.site_root:
            self.site_root = site_root_of((document.get("links") or {}).get("self", ""))

    def add_resource(self, resource, where):
        if not isinstance(resource, dict):
            raise SourceError(f"{where}: a resource that is not an object")
        kind, number = resource.get("type"), resource.get("id")
        if kind not in RESOURCE_TYPES:
            return  # Other content of the old site (contacts, menus) does not move.
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise SourceError(f"{where}: a resource of type {kind} without a numeric id") from None
        attributes = resource.get("attributes")
        if not isinstance(attributes, dict) or not attributes:
            return  # A bare reference (type and id) in "included" adds nothing.
        stored = getattr(self, kind)
        relationships = resource.get("relationships")
        stored[number] = {
            "attributes": attributes,
            "relationships": relationships if isinstance(relationships, dict) else {},
        }


def site_root_of(address):
    """The site's own address from an API address: ``https://x.se/api/index.php/v1/…`` → ``https://x.se/``."""
    if API_PATH in address:
        return address.split(API_PATH, 1)[0] + "/"
    return ""


def site_path(address, site_root):
    """The path of a link on the old site, from its root (``images/x.jpg``), still quoted.

    ``None`` for a link to another site. A relative link is the old site's.
    """
    parts = urlsplit(address)
    if parts.scheme or parts.netloc:
        root = urlsplit(site_root)
        if not site_root or (parts.scheme, parts.netloc) != (root.scheme, root.netloc):
            return None
        return parts.path.removeprefix(root.path.rstrip("/")).lstrip("/")
    return parts.path.lstrip("/")


def read_folder(folder):
    """Every ``*.json`` file in ``folder`` (sorted by name), as one ``Archive``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise SourceError(f"{folder}: no such folder")
    archive = Archive()
    files = sorted(folder.glob("*.json"))
    if not files:
        raise SourceError(f"{folder}: no .json files in it")
    for path in files:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise SourceError(f"{path.name}: not UTF-8 text") from None
        except json.JSONDecodeError as error:
            raise SourceError(
                f"{path.name}: not valid JSON: {error.msg} (line {error.lineno})"
            ) from None
        archive.add_document(document, path.name)
    return archive


def is_allowed_address(address):
    """``https://``, or ``http://`` on the loopback interface only (a test server)."""
    parts = urlsplit(address)
    if parts.scheme == "https" and parts.hostname:
        return True
    if parts.scheme != "http" or not parts.hostname:
        return False
    if parts.hostname == "localhost":
        return True
    try:
        return ipaddress.ip_address(parts.hostname).is_loopback
    except ValueError:
        return False


class JoomlaAPI:
    """The old site's Web Services API, read with its API token."""

    def __init__(self, address, token):
        if not is_allowed_address(address):
            raise SourceError(
                f"{address}: the old site's address must start with https:// "
                "(http:// only for a test server on 127.0.0.1)"
            )
        if not token:
            raise SourceError("JOOMLA_API_TOKEN is not set: create an API token in Joomla first")
        self.root = address.split(API_PATH, 1)[0].rstrip("/") + "/"
        self.token = token

    def read(self, progress=None):
        """Every resource of the collections the import needs, page by page."""
        archive = Archive(site_root=self.root)
        for kind, path in COLLECTIONS.items():
            address = f"{self.root}api/index.php/{path}?page%5Blimit%5D={PAGE_LIMIT}"
            for pages, document in enumerate(self.pages(address), start=1):
                archive.add_document(document, f"{kind}, page {pages}")
                if progress:
                    progress(f"{kind}: page {pages}, {len(getattr(archive, kind))} so far")
        return archive

    def pages(self, address):
        seen = set()
        while address:
            if address in seen or len(seen) >= MAX_PAGES:
                raise SourceError(f"{address}: the pages of this collection go round in circles")
            seen.add(address)
            document = self.get_document(address)
            following = (document.get("links") or {}).get("next")
            address = urljoin(address, following) if following else None
            yield document

    def same_site(self, address):
        mine, theirs = urlsplit(self.root), urlsplit(address)
        return (mine.scheme, mine.netloc) == (theirs.scheme, theirs.netloc)

    def get_document(self, address):
        if not self.same_site(address):
            # The token is only for the old site.
            raise SourceError(f"{address}: a link to another site; the token is not sent there")
        body = fetch(address, token=self.token)
        try:
            return json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise SourceError(f"{address}: the answer is not JSON") from None


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """The API token must not follow a redirect to wherever it points."""

    def redirect_request(self, *args, **kwargs):
        return None


_API_OPENER = urllib.request.build_opener(_RefuseRedirects)
_FILE_OPENER = urllib.request.build_opener()


def fetch(address, token=None):
    """The body at ``address``: an API document with ``token``, else a file.

    At most a picture's size limit is read. Raises ``SourceError`` saying why.
    """
    headers = {"Accept": "application/vnd.api+json", "X-Joomla-Token": token} if token else {}
    opener = _API_OPENER if token else _FILE_OPENER
    if not is_allowed_address(address):
        raise SourceError(f"{address}: only https:// addresses are read")
    limit = max_bytes()
    # Only https (or http on loopback), as checked above.
    request = urllib.request.Request(address, headers=headers)  # noqa: S310
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read(limit + 1)
    except urllib.error.HTTPError as error:
        if token and error.code in (401, 403):
            raise SourceError(
                f"{address}: the old site refused the API token (HTTP {error.code}); "
                "check JOOMLA_API_TOKEN"
            ) from None
        raise SourceError(f"{address}: HTTP {error.code}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise SourceError(f"{address}: cannot connect ({reason})") from None
    if len(body) > limit:
        raise SourceError(f"{address}: larger than {limit} bytes")
    return body


def download(address):
    """A file of the old site (a picture), without the token; ``SourceError`` if it fails."""
    return fetch(address)
