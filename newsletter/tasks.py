"""Background tasks: every email is sent by the worker (`manage.py db_worker`), not a request."""

from django.core.mail import mailers
from django.tasks import task

from . import emails, sending
from .models import Issue, Subscriber


def _send(message):
    with mailers.default as connection:
        connection.send_messages([message])


@task
def send_confirmation(subscriber_pk):
    subscriber = Subscriber.objects.filter(
        pk=subscriber_pk, status=Subscriber.Status.PENDING
    ).first()
    if subscriber:
        _send(emails.confirmation_message(subscriber))


@task
def send_welcome(subscriber_pk):
    subscriber = Subscriber.objects.confirmed().filter(pk=subscriber_pk).first()
    if subscriber:
        _send(emails.welcome_message(subscriber))


@task
def send_test_issue(issue_pk, address):
    issue = Issue.objects.get(pk=issue_pk)
    _send(emails.RenderedIssue(issue).test_message(address))


@task
def send_issue(issue_pk):
    """Send (or resume sending) an issue; returns the counts per delivery status."""
    return sending.send_issue(issue_pk)
