"""The newsletter's emails, rendered from templates as plain text and HTML, in Swedish.

Every email to a subscriber carries a personal unsubscribe link and the RFC 8058
headers, so that mail programs can offer their own one-click unsubscribe button.
Links are absolute, built from ``SITE_URL``.
"""

import email.policy
import zoneinfo
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from articles.models import Article
from events.models import Event
from secretariat.content.links import absolute_url

from .tokens import confirmation_token, unsubscribe_token

# Issues are rendered once and personalised by replacing this marker, so that
# sending to thousands does not render the templates thousands of times.
UNSUBSCRIBE_MARKER = "UNSUBSCRIBE-URL-MARKER"

UPCOMING_EVENTS_SHOWN = 10

# RFC 5322's limit on the length of a line; its 78 is only a recommendation.
LINE_LIMIT = 998


class NewsletterEmail(EmailMultiAlternatives):
    """An ordinary ``EmailMultiAlternatives`` whose lines may be as long as RFC 5322 allows.

    Python's SMTP policy folds headers at 78 columns and writes a header it
    cannot fold at a space as RFC 2047 encoded-words: the unsubscribe link
    would arrive as ``List-Unsubscribe: =?utf-8?q?=3Chttps...``, which mailbox
    providers ignore, so no one-click unsubscribe button. With the longer
    limit it stays a plain ``<https://...>``, the sender's name is not folded
    again for every copy, and bodies whose lines fit go as they are instead of
    quoted-printable (together most of the time spent on each copy).
    """

    def message(self, *, policy=email.policy.default):
        if policy.max_line_length and policy.max_line_length < LINE_LIMIT:
            policy = policy.clone(max_line_length=LINE_LIMIT)
        return super().message(policy=policy)


def unsubscribe_url(subscriber):
    return unsubscribe_url_for_token(unsubscribe_token(subscriber))


def unsubscribe_url_for_token(token):
    return absolute_url(reverse("newsletter:unsubscribe", args=[token]))


def _render(template, context):
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string(f"newsletter/email/{template}.txt", context)
        html = render_to_string(f"newsletter/email/{template}.html", context)
    return text, _without_empty_lines(html)


def _without_empty_lines(html):
    """The HTML without the empty lines its template tags leave, which mean nothing in
    HTML but would go with every copy (and cost the mail servers a line each)."""
    return "".join(f"{line}\n" for line in html.split("\n") if line.strip())


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
    message = NewsletterEmail(subject, text, to=[to] if to else [], headers=headers)
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


def issue_content(issue):
    """The issue's content as it is now, as plain data with absolute links.

    Stored in ``Issue.content`` when sending starts, so that every copy, a
    resumed run and the public archive show the issue as it went out, even
    after articles change and events pass.
    """
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
    with translation.override(settings.LANGUAGE_CODE):
        return {
            "paragraphs": [p.strip() for p in issue.introduction.split("\n\n") if p.strip()],
            "articles": [
                {
                    "title": article.title,
                    "lead": article.lead,
                    "url": absolute_url(article.get_absolute_url()),
                }
                for article in articles
            ],
            "events": [
                {
                    "title": event.title,
                    "city": event.city,
                    "url": absolute_url(event.get_absolute_url()),
                    "datetime": event.starts_at.isoformat(),
                    "date": date_format(
                        timezone.localtime(event.starts_at, zoneinfo.ZoneInfo(event.timezone)),
                        "j F Y",
                    ),
                }
                for event in events
            ],
        }


def archive_url(issue):
    return absolute_url(reverse("newsletter:issue", args=[issue.pk]))


class RenderedIssue:
    """An issue rendered once; ``message_for(subscriber)`` personalises a copy.

    A draft is rendered from its articles and events as they are now; an issue
    that has started sending from the content stored then.
    """

    def __init__(self, issue):
        self.issue_pk = issue.pk
        self.subject = issue.subject
        context = {
            "issue": issue,
            **(issue.content or issue_content(issue)),
            "unsubscribe_url": UNSUBSCRIBE_MARKER,
            "archive_url": archive_url(issue),
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
        message = _message(
            self.subject,
            self.text.replace(UNSUBSCRIBE_MARKER, link),
            self.html.replace(UNSUBSCRIBE_MARKER, link),
            subscriber.email,
            list_unsubscribe=link,
            headers=headers,
        )
        # A provider (through anymail) reports this back with each bounce or complaint.
        message.metadata = {"issue": str(self.issue_pk), "delivery": str(delivery_pk or "")}
        return message

    def batch_message(self, deliveries, merge_field):
        """One email to every subscriber of ``deliveries``, for a provider's batch sending.

        Each recipient's unsubscribe link is merge data: the provider writes it
        where ``merge_field`` stands in both parts, and sends each recipient
        their own ``List-Unsubscribe`` headers and the delivery's number.
        """
        message = _message(
            self.subject,
            self.text.replace(UNSUBSCRIBE_MARKER, merge_field),
            self.html.replace(UNSUBSCRIBE_MARKER, merge_field),
            None,
        )
        message.to = [delivery.subscriber.email for delivery in deliveries]
        links = {d.subscriber.email: unsubscribe_url(d.subscriber) for d in deliveries}
        message.merge_data = {email: {"unsubscribe_url": link} for email, link in links.items()}
        message.merge_headers = {email: unsubscribe_headers(link) for email, link in links.items()}
        message.metadata = {"issue": str(self.issue_pk)}
        message.merge_metadata = {d.subscriber.email: {"delivery": str(d.pk)} for d in deliveries}
        return message

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
