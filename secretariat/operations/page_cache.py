"""The anonymous page cache: whole responses for readers who are not logged in.

Most visitors read the same pages, so a rendered page is kept in Django's cache
(``CACHES["pages"]``: each worker's memory, or Redis when ``CACHE_URL`` names
it) and served again without touching the database. Three rules keep it correct:

- **Only pages that are the same for everyone.** GET and HEAD from visitors
  without a session or message cookie; never a response that sets a cookie,
  carries a CSRF token, uses a CSP nonce, or says ``Cache-Control: private``,
  ``no-cache`` or ``no-store``. Anything else passes through untouched.
- **Changes show at once.** Every key contains the *content generation*, a
  value that changes (after the transaction commits) whenever a model of the
  apps in ``PAGE_CACHE_CONTENT`` is saved, deleted or has its relations
  changed. The signals are connected in ``SecretariatConfig.ready``. Old
  entries are never read again and simply expire. Code that saves many
  objects at once (an import) wraps them in ``bump_once()``: one change of
  generation at the end instead of one per save.
- **Time alone changes pages too.** A scheduled article appears when its
  ``published_at`` comes; an event leaves "upcoming" when it ends. Entries live
  at most ``PAGE_CACHE_SECONDS`` and never past the next such moment, found
  from ``PAGE_CACHE_SCHEDULES`` (``"app.Model.field"``): the earliest future
  value of each field, looked up once per generation.

Where the generation lives: a shared cache (Redis, Memcached) keeps it under
one key, so every app server sees a change at once. Django's local memory cache
is private to one process, and gunicorn runs several: there the generation is
a small file (``PAGE_CACHE_GENERATION_FILE``) that all workers on the machine
read, which costs one read of a few bytes per request.

**No stampede.** A change empties the whole cache at once, often just when many
readers arrive (a newsletter went out). Each page has one entry, which keeps
its last copy after it goes stale; the first request for a missing or stale
page takes the page's rebuild lock (``cache.add``) and renders it. Requests
that come meanwhile get the previous copy (``X-Page-Cache: stale``), or, when
there is none, wait for that one rebuild (``WAIT_SECONDS`` at most). A lock
lasts ``REBUILD_SECONDS`` at most, so nobody gets a copy older than that beyond
its rebuild, and a rebuild that failed is taken over.

The lock must be shared by every worker: a gunicorn worker that is rendering
serves nobody else meanwhile, so if each worker rendered its own copy, all of
them would be busy at once. Pages in a worker's own memory therefore have a
second, shared level (``PAGE_CACHE_SHARED_ALIAS``, a table of the site's
database): the lock lives there, and so does the page one worker rendered,
which the others copy into their memory on their next request for it (one
query, once per change). A shared page cache (Redis) needs no second level.
"""

import contextlib
import contextvars
import functools
import hashlib
import logging
import os
import secrets
import time
from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models import Min
from django.middleware.csp import get_nonce
from django.urls import reverse
from django.utils import timezone
from django.utils.http import split_header_value

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
NEXT_CHANGE_KEY = "page-cache:next-change:{generation}"
PAGE_KEY = "page-cache:page:{digest}"
REBUILD_KEY = "page-cache:rebuilding:{digest}"
VALUE_KEY = "page-cache:value:{generation}:{name}"
MISSING = object()
NO_SCHEDULED_CHANGE = "none"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}
# How long one request may rebuild a page while others get its previous copy.
REBUILD_SECONDS = 5
# How long a request with no copy to show waits for another's rendering at most.
WAIT_SECONDS = 2
WAIT_STEP_SECONDS = 0.02


class Entry(NamedTuple):
    """A cached page: fresh for its generation until ``fresh_until`` (epoch seconds)."""

    generation: str
    fresh_until: float
    response: object

    def is_fresh(self, generation):
        return self.generation == generation and time.time() < self.fresh_until


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def shared():
    """Where all workers see rebuild locks and rendered pages: the page cache itself,
    unless ``PAGE_CACHE_SHARED_ALIAS`` names a second level (set when pages live in
    each worker's own memory)."""
    alias = settings.PAGE_CACHE_SHARED_ALIAS
    return caches[alias] if alias else cache()


def keep(store, key, entry):
    """Store a page's entry: kept past its freshness, to be served while it is rebuilt."""
    seconds_fresh = max(entry.fresh_until - time.time(), 0)
    store.set(key, entry, seconds_fresh + settings.PAGE_CACHE_SECONDS)


# The content generation ---------------------------------------------------


def _generation_file():
    """The shared file for a process-local cache; None when the cache is shared."""
    if isinstance(cache(), LocMemCache):
        return settings.PAGE_CACHE_GENERATION_FILE
    return None


def current_generation():
    path = _generation_file()
    if path is None:
        generation = cache().get(GENERATION_KEY)
        if generation is None:
            # A fresh start (or an evicted key) begins at the clock, so that it
            # never repeats a number that old entries may still carry.
            cache().add(GENERATION_KEY, time.time_ns(), timeout=None)
            generation = cache().get(GENERATION_KEY)
        return str(generation)
    try:
        with open(path) as file:
            return file.read()
    except FileNotFoundError:
        return bump_generation()


class GenerationFileError(Exception):
    """The generation file cannot be written; pages are then served uncached."""


def bump_generation():
    """Make every cached page stale. Returns the new generation."""
    path = _generation_file()
    if path is None:
        try:
            return str(cache().incr(GENERATION_KEY))
        except ValueError:  # The key is missing: start afresh.
            cache().add(GENERATION_KEY, time.time_ns(), timeout=None)
            return str(cache().get(GENERATION_KEY))
    # A random token, not a counter: two processes bumping at once must not
    # both write the same "next" value.
    generation = secrets.token_hex(8)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = f"{path}.{os.getpid()}.tmp"
        with open(temporary, "w") as file:
            file.write(generation)
        os.replace(temporary, path)
    except OSError as error:
        raise GenerationFileError(f"cannot write PAGE_CACHE_GENERATION_FILE {path}") from error
    return generation


# Inside ``bump_once()``: whether content changed in the block, else None.
_changed_in_block = contextvars.ContextVar("page_cache_changed_in_block", default=None)


def content_changed(sender, **kwargs):
    """Signal receiver: bump the generation once the change is committed."""
    if kwargs.get("action", "post_").startswith("post_") and is_content(sender):
        changed = _changed_in_block.get()
        if changed is not None:
            changed.append(sender)  # bump_once() bumps at its end.
        else:
            transaction.on_commit(bump_generation, using=kwargs.get("using"), robust=True)


@contextlib.contextmanager
def bump_once():
    """Content saved inside the block makes the cached pages stale once, at its end.

    Signals are sent as for any save, but the generation is not bumped per
    save: an import of ten thousand articles bumps it once, after the commit
    of the transaction the block ends in (none if that is rolled back). A
    block inside another leaves the bump to the outer one.
    """
    if _changed_in_block.get() is not None:
        yield
        return
    changed = []
    token = _changed_in_block.set(changed)
    try:
        yield
    finally:
        _changed_in_block.reset(token)
        if changed:
            transaction.on_commit(bump_generation, robust=True)


def is_content(model):
    """Whether a model's changes are visible on public pages."""
    meta = model._meta
    watched = settings.PAGE_CACHE_CONTENT
    return meta.app_label in watched or meta.label in watched


# Scheduled changes --------------------------------------------------------


def next_scheduled_change(now=None):
    """The earliest future moment at which a page can change by time alone."""
    now = now or timezone.now()
    moments = []
    for spec in settings.PAGE_CACHE_SCHEDULES:
        model_label, field = spec.rsplit(".", 1)
        model = apps.get_model(model_label)
        moment = (
            model._default_manager.filter(**{f"{field}__gt": now})
            .aggregate(next=Min(field))
            .get("next")
        )
        if moment is not None:
            moments.append(moment)
    return min(moments, default=None)


def seconds_to_live(generation, cap=None):
    """How long something computed now may be kept: ``cap`` at most (default
    ``PAGE_CACHE_SECONDS``), and never past the next scheduled change."""
    cap = settings.PAGE_CACHE_SECONDS if cap is None else cap
    key = NEXT_CHANGE_KEY.format(generation=generation)
    next_change = cache().get(key)
    if next_change is None:
        next_change = next_scheduled_change() or NO_SCHEDULED_CHANGE
        longest = max(settings.PAGE_CACHE_SECONDS, settings.CONTENT_CACHE_SECONDS)
        cache().set(key, next_change, _seconds_until(next_change, longest))
    return _seconds_until(next_change, cap)


def _seconds_until(next_change, cap):
    if next_change != NO_SCHEDULED_CHANGE:
        cap = min(cap, int((next_change - timezone.now()).total_seconds()))
    return max(cap, 0)


def remember(name, compute):
    """A value derived from content (a count, a list of page keys), kept until the content
    changes, at most ``CONTENT_CACHE_SECONDS`` and never past a scheduled change.

    For what is costly to compute and the same for every visitor, whether or not
    the page itself can be cached. ``CONTENT_CACHE_SECONDS = 0`` computes every time.
    """
    if settings.CONTENT_CACHE_SECONDS <= 0:
        return compute()
    try:
        generation = current_generation()
        digest = hashlib.sha256(name.encode()).hexdigest()
        key = VALUE_KEY.format(generation=generation, name=digest)
        value = cache().get(key, MISSING)
    except Exception:  # Any cache failure: compute instead.
        logger.warning("Content cache unavailable; computing %s", name, exc_info=True)
        return compute()
    if value is MISSING:
        value = compute()
        with _failures_logged():
            cache().set(key, value, seconds_to_live(generation, settings.CONTENT_CACHE_SECONDS))
    return value


@contextlib.contextmanager
def _failures_logged():
    """A cache that is away (Redis restarting, a full disk) must never fail a page."""
    try:
        yield
    except Exception:  # Redis, OS and pickling errors alike.
        logger.warning("Page cache unavailable", exc_info=True)


# The middleware -----------------------------------------------------------


@functools.cache
def admin_prefix():
    return reverse("admin:index")


class AnonymousPageCacheMiddleware:
    """Serve anonymous readers' pages from the cache. See the module docstring.

    Sits below the middleware that must run on every response (security
    headers, whitenoise, conditional GET) and above the session, CSRF,
    authentication and CSP middleware, whose effects it inspects.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in SAFE_METHODS and request.path.startswith(admin_prefix()):
            return self.after_admin_change(request)
        if not self.request_is_cacheable(request):
            return self.get_response(request)
        try:
            generation = current_generation()
            key, rebuild_key = self.keys(request)
            entry, busy = self.lookup(key, rebuild_key, generation)
        except Exception:  # Any cache failure: render the page.
            logger.warning("Page cache unavailable; rendering %s", request.path, exc_info=True)
            return self.get_response(request)
        if entry is not None and entry.is_fresh(generation):
            return self.served(entry, "hit")
        rebuilding = not busy and self.claim(rebuild_key)
        try:
            if rebuilding:
                # The rendering before this one may have ended since the lookup.
                with _failures_logged():
                    entry = self.shared_copy(key, generation)
                if entry is not None and entry.is_fresh(generation):
                    return self.served(entry, "hit")
            else:  # Another request is rendering this page right now.
                if entry is not None:
                    return self.served(entry, "stale")
                entry = self.wait_for_rebuild(key, rebuild_key, generation)
                if entry is not None:
                    return self.served(entry, "hit")
            return self.render(request, key, generation)
        finally:
            if rebuilding:
                with _failures_logged():
                    shared().delete(rebuild_key)

    def render(self, request, key, generation):
        response = self.get_response(request)
        if self.response_is_cacheable(request, response):
            with _failures_logged():
                timeout = seconds_to_live(generation)
                if timeout > 0:
                    # The copy keeps its body as one piece: a feed is written in hundreds
                    # of small pieces, and gunicorn sends each with a system call.
                    response.content = response.content
                    entry = Entry(generation, time.time() + timeout, response)
                    keep(cache(), key, entry)
                    if shared() is not cache():
                        keep(shared(), key, entry)
            response["X-Page-Cache"] = "miss"
        return response

    @classmethod
    def lookup(cls, key, rebuild_key, generation):
        """The page's newest copy, fresh or not (None when there is none), and whether
        another request is known to be rendering it right now.

        This worker's own copy, or, when that is not fresh, the one another worker
        rendered (then kept here too). While another worker is rendering the
        page, the shared copy can be no fresher: it is not fetched at all.
        """
        entry = cache().get(key)
        if shared() is cache() or (entry is not None and entry.is_fresh(generation)):
            return entry, False
        if entry is not None and shared().get(rebuild_key) is not None:
            return entry, True
        rendered = cls.shared_copy(key, generation)
        if entry is None or (rendered is not None and rendered.is_fresh(generation)):
            return rendered, False
        return entry, False

    @staticmethod
    def shared_copy(key, generation):
        """The copy every worker sees, fresh or not; a fresh one is kept in this
        worker's memory too."""
        rendered = shared().get(key)
        if rendered is not None and rendered.is_fresh(generation) and shared() is not cache():
            keep(cache(), key, rendered)
        return rendered

    @staticmethod
    def served(entry, state):
        response = entry.response
        response["X-Page-Cache"] = state
        return response

    @staticmethod
    def claim(rebuild_key):
        """Take the page's rebuild lock; True when this request is to render it."""
        try:
            return shared().add(rebuild_key, 1, timeout=REBUILD_SECONDS)
        except Exception:  # A cache that is away: everyone renders, as without a cache.
            return True

    @classmethod
    def wait_for_rebuild(cls, key, rebuild_key, generation):
        """The page another request is rendering, once it is there.

        None when that rendering ended without a page to share (one that is not
        the same for everyone, an error), when the cache cannot say (it is
        away), or after ``WAIT_SECONDS``: then this request renders the page
        itself. A lock can outlive its rendering, when the database that holds
        it went away before it was released; nobody waits for it long.
        """
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(WAIT_STEP_SECONDS)
            try:
                rebuilding = shared().get(rebuild_key) is not None
                entry = cls.shared_copy(key, generation)
            except Exception:  # Any cache failure: render the page.
                logger.warning("Page cache unavailable while waiting", exc_info=True)
                return None
            if entry is not None and entry.is_fresh(generation):
                return entry
            if not rebuilding:
                return None
        return None

    def after_admin_change(self, request):
        """A safety net for changes that send no signal: an admin action written with
        ``QuerySet.update()`` changes rows without post_save. Any admin form or
        action that staff send makes the cached pages stale too."""
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if response.status_code < 400 and user is not None and user.is_staff:
            with _failures_logged():
                bump_generation()
        return response

    @staticmethod
    def request_is_cacheable(request):
        if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in {"GET", "HEAD"}:
            return False
        if "HTTP_AUTHORIZATION" in request.META:
            return False
        personal_cookies = {settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name}
        return not personal_cookies.intersection(request.COOKIES)

    @staticmethod
    def response_is_cacheable(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        # The page shows a CSRF token (a form): it belongs to one visitor.
        if "CSRF_COOKIE_NEEDS_UPDATE" in request.META:
            return False
        # A nonce must be new on every response, or it protects nothing.
        if get_nonce(request):  # Only a nonce that was used is true.
            return False
        # Keyed on the address alone: a page that differs by another header is not shared.
        if {header.lower() for header in split_header_value(response.get("Vary", ""))} - {"cookie"}:
            return False
        directives = {
            directive.split("=", 1)[0].strip().lower()
            for directive in split_header_value(response.get("Cache-Control", ""))
        }
        return not directives & UNCACHEABLE_DIRECTIVES

    @staticmethod
    def keys(request):
        """The page's key and its rebuild lock's key."""
        address = f"{request.method} {request.scheme}://{request.get_host()}"
        digest = hashlib.sha256(f"{address}{request.get_full_path()}".encode()).hexdigest()
        return PAGE_KEY.format(digest=digest), REBUILD_KEY.format(digest=digest)
