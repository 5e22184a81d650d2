"""Protection of the staff login against password guessing (django-axes).

Failed logins are counted per account and per client address; after
``LOGIN_FAILURE_LIMIT`` failures either one is locked for
``LOGIN_LOCKOUT_MINUTES``. Each attempt is recorded in the admin ("Axes") and
logged; the person locked out gets a page in Swedish saying what happened and
when to try again.
"""

import logging
from datetime import timedelta

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_client_username
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone

from .requests import client_ip

logger = logging.getLogger(__name__)


class LoginProtectionBackend(AxesStandaloneBackend):
    """Refuses locked-out logins; authentication itself is ``ModelBackend``'s.

    Authentication without a request (a management command, the test client's
    ``login()``) is not a login over the web and has no client to lock out, so
    it is let through where django-axes would raise.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """The page shown instead of the login form while a lockout lasts."""
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    # Every attempt during the lockout starts the wait again, so the lockout
    # ends this long after the attempt that is being answered.
    unlocked_at = timezone.now() + timedelta(minutes=minutes)
    logger.warning(
        "Login locked out for account %r from %s until %s",
        get_client_username(request, credentials),
        client_ip(request),
        unlocked_at.isoformat(timespec="seconds"),
    )
    context = {
        "minutes": minutes,
        "unlocked_at": unlocked_at,
        "failure_limit": settings.LOGIN_FAILURE_LIMIT,
    }
    response = render(
        request,
        "secretariat/login_locked.html",
        context,
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Retry-After"] = str(minutes * 60)
    return response
