"""The newsletter's emails, rendered from templates as plain text and HTML, in Swedish.

Every email to a subscriber carries a personal unsubscribe link and the RFC 8058
headers, so that mail programs can offer their own one-click unsubscribe button.
Links are absolute, built from ``SITE_URL``.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from articles.models import Article
from events.models import Event

from .tokens import confirmation_token, unsubscribe_token

# Issues are rendered once and personalised by replacing this marker, so that
# sending to thousands does not render the templates thousands of times.
UNSUBSCRIBE_MARKER = "UNSUBSCRIBE-URL-MARKER"

UPCOMING_EVENTS_SHOWN = 10


def absolute_url(path):
    return f"{settings.SITE_URL}{path}"


def unsubscribe_url(subscriber):
    return unsubscribe_url_for_token(unsubscribe_token(subscriber))


def unsubscribe_url_for_token(token):
    return absolute_url(reverse("newsletter:unsubscribe", args=[token]))


def _render(template, context):
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string(f"newsletter/email/{template}.txt", context)
        html = render_to_string(f"newsletter/email/{template}.html", context)
    return text, html


def unsubscribe_headers(link):
    """RFC 8058: mail programs show their own unsubscribe button, which posts to ``link``."""
    return {
        "List-Unsubscribe": f"<{link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _message(subject, text, html, to, list_unsubscribe=None, headers=None):
    headers = {
        **(unsubscribe_headers(list_unsubscribe) if list_unsubscribe else {}),
        **(headers or {}),
    }
    message = EmailMultiAlternatives(subject, text, to=[to], headers=headers)
    message.attach_alternative(html, "text/html")
    return message


def confirmation_message(subscriber):
    link = absolute_url(reverse("newsletter:confirm", args=[confirmation_token(subscriber)]))
    text, html = _render("confirmation", {"subscriber": subscriber, "confirm_url": link})
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Confirm your subscription to our newsletter")
    return _message(subject, text, html, subscriber.email)


def welcome_message(subscriber):
    link = unsubscribe_url(subscriber)
    context = {
        "subscriber": subscriber,
        "unsubscribe_url": link,
        "site_url": absolute_url("/"),
    }
    text, html = _render("welcome", context)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Welcome to our newsletter")
    return _message(subject, text, html, subscriber.email, list_unsubscribe=link)


class RenderedIssue:
    """An issue rendered once; ``message_for(subscriber)`` personalises a copy."""

    def __init__(self, issue):
        self.issue_pk = issue.pk
        self.subject = issue.subject
        articles = (
            Article.objects.published()
            .filter(issue_articles__issue=issue)
            .order_by("issue_articles__order", "issue_articles__pk")
        )
        events = (
            Event.objects.upcoming().order_by("starts_at")[:UPCOMING_EVENTS_SHOWN]
            if issue.include_events
            else []
        )
        context = {
            "issue": issue,
            "paragraphs": [p.strip() for p in issue.introduction.split("\n\n") if p.strip()],
            "articles": [
                (article, absolute_url(article.get_absolute_url())) for article in articles
            ],
            "events": [(event, absolute_url(event.get_absolute_url())) for event in events],
            "unsubscribe_url": UNSUBSCRIBE_MARKER,
            "site_url": absolute_url("/"),
        }
        self.text, self.html = _render("issue", context)

    def message_for(self, subscriber, delivery_pk=None):
        """The subscriber's own copy: their unsubscribe link in both parts and the headers.

        With ``delivery_pk``, the Message-ID is the same at every attempt of that
        delivery, so that mail systems can drop a copy sent twice.
        """
        link = unsubscribe_url(subscriber)
        headers = {"Message-ID": self.message_id(delivery_pk)} if delivery_pk else {}
        return _message(
            self.subject,
            self.text.replace(UNSUBSCRIBE_MARKER, link),
            self.html.replace(UNSUBSCRIBE_MARKER, link),
            subscriber.email,
            list_unsubscribe=link,
            headers=headers,
        )

    def message_id(self, delivery_pk):
        domain = urlsplit(settings.SITE_URL).hostname or "localhost"
        return f"<issue-{self.issue_pk}.delivery-{delivery_pk}@{domain}>"

    def test_message(self, to):
        """A copy for staff to check: the unsubscribe link points to the signup page."""
        link = absolute_url(reverse("newsletter:signup"))
        with translation.override(settings.LANGUAGE_CODE):
            subject = f"[{_('Test')}] {self.subject}"
        text = self.text.replace(UNSUBSCRIBE_MARKER, link)
        return _message(subject, text, self.html.replace(UNSUBSCRIBE_MARKER, link), to)

    def preview_html(self):
        """The HTML as a browser shows it, with a dead unsubscribe link."""
        return self.html.replace(UNSUBSCRIBE_MARKER, "#")
