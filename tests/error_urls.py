"""The site's URLs plus ``/fel/<status>/``, which answers with each error page.

For tests of the error pages themselves, and for the browser checks, whose
production server runs with this URLconf (``tests.error_settings``): 403, 429,
500 and a database error are otherwise hard to ask a running site for. Each
address goes through the site's real handler or view for that error.
"""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.http import Http404
from django.urls import path

from secretariat.operations.logins import lockout_response
from secretariat.urls import handler400, handler500
from secretariat.urls import urlpatterns as site_urlpatterns

ERRORS = {
    400: SuspiciousOperation("a test of the 400 page"),
    403: PermissionDenied("a test of the 403 page"),
    404: Http404("a test of the 404 page"),
    500: RuntimeError("a test of the 500 page"),
    503: OperationalError("a test of the 503 page: the database is away"),
}


def error(request, status):
    if status == 429:
        return lockout_response(request)  # what django-axes answers during a lockout
    raise ERRORS.get(status, Http404())


urlpatterns = [path("fel/<int:status>/", error), *site_urlpatterns]

__all__ = ["handler400", "handler500", "urlpatterns"]
