"""Views that belong to no content app: pages, health, robots, errors."""

import logging
import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView

from .content.links import absolute_url
from .models import Page

logger = logging.getLogger(__name__)

PLAIN_ERROR = (
    '<!doctype html><html lang="sv"><meta charset="utf-8"><title>Tekniskt fel</title>'
    "<h1>Tekniskt fel</h1><p>Sidan kunde inte visas just nu. Försök igen om en stund.</p>"
    '<p><a href="/">Till startsidan</a></p>'
)


class PageDetailView(DetailView):
    template_name = "secretariat/page_detail.html"
    context_object_name = "page"

    def get_queryset(self):
        return Page.objects.published()


@never_cache
def healthz(request):
    """200 when the database answers, 503 when it does not. For load balancers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.warning("Health check: the database does not answer", exc_info=True)
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def bad_request(request, exception):
    """The 400 handler: Django's own renders without the request, so without the layout."""
    return render(request, "400.html", status=400)


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token: the site's 403 page, saying what to do."""
    return render(request, "403.html", {"csrf_failure": True}, status=403)


def server_error(request):
    """The 500 handler; a database that is away gets a 503 asking to retry.

    Django calls this inside its exception handler, so ``sys.exc_info()`` holds
    the error, whichever middleware or view raised it.
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        status, template = 503, "503.html"
    else:
        status, template = 500, "500.html"
    try:
        response = render(request, template, status=status)
    except Exception:  # The page itself must never fail.
        logger.exception("Could not render the %s page", status)
        response = HttpResponse(PLAIN_ERROR, status=status)
    if status == 503:
        response["Retry-After"] = "10"
    return response
