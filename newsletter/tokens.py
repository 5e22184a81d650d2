"""Signed links in emails: confirm (expires after a week) and unsubscribe (never expires).

The tokens carry only the subscriber's number, signed with ``SECRET_KEY``; a
different salt for each purpose keeps one kind from being used as the other.
"""

from datetime import timedelta

from django.core import signing

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
CONFIRM_MAX_AGE = timedelta(days=7)


def confirmation_token(subscriber):
    return signing.dumps(subscriber.pk, salt=CONFIRM_SALT)


def unsubscribe_token(subscriber):
    return signing.dumps(subscriber.pk, salt=UNSUBSCRIBE_SALT)


def read_confirmation_token(token):
    """The subscriber's number; ``signing.SignatureExpired`` or ``BadSignature`` if not."""
    return signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)


def read_unsubscribe_token(token):
    return signing.loads(token, salt=UNSUBSCRIBE_SALT)
