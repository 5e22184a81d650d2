"""The newsletter's emails, rendered from templates as plain text and HTML, in Swedish.

Every email to a subscriber carries a personal unsubscribe link and the RFC 8058
headers, so that mail programs can offer their own one-click unsubscribe button.
Links are absolute, built from ``SITE_URL``.
"""

import binascii
import email
import email.policy
import re
from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from articles.models import Article
from events.models import Event
from secretariat.content.links import absolute_url

from .tokens import confirmation_token, unsubscribe_token

# Issues are rendered once and personalised by replacing this marker, so that
# sending to thousands does not render the templates thousands of times.
UNSUBSCRIBE_MARKER = "UNSUBSCRIBE-URL-MARKER"

UPCOMING_EVENTS_SHOWN = 10


class _FoldOncePolicy(email.policy.EmailPolicy):
    """``email.policy.SMTP`` that folds each distinct header once.

    Python's email package takes milliseconds to fold a header with non-ASCII
    text, such as the sender's Swedish name; the copies of an issue share most
    of their headers, so sending thousands would spend most of its time there.
    """

    @lru_cache(maxsize=1024)  # noqa: B019 - a few module-level policies, kept for the process.
    def fold_binary(self, name, value):
        return super().fold_binary(name, value)


_SMTP_FOLD_ONCE = _FoldOncePolicy(linesep="\r\n")


class _Email(EmailMultiAlternatives):
    def message(self, *, policy=email.policy.default):
        if policy is email.policy.SMTP:
            policy = _SMTP_FOLD_ONCE
        return super().message(policy=policy)


def unsubscribe_url(subscriber):
    return unsubscribe_url_for_token(unsubscribe_token(subscriber))


def unsubscribe_url_for_token(token):
    return absolute_url(reverse("newsletter:unsubscribe", args=[token]))


def _render(template, context):
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string(f"newsletter/email/{template}.txt", context)
        html = render_to_string(f"newsletter/email/{template}.html", context)
    return text, html


def _message(subject, text, html, to, list_unsubscribe=None):
    headers = {}
    if list_unsubscribe:
        headers = {
            "List-Unsubscribe": f"<{list_unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    message = _Email(subject, text, to=[to], headers=headers)
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

    def message_for(self, subscriber, to=None):
        link = unsubscribe_url(subscriber)
        return _message(
            self.subject,
            self.text.replace(UNSUBSCRIBE_MARKER, link),
            self.html.replace(UNSUBSCRIBE_MARKER, link),
            to or subscriber.email,
            list_unsubscribe=link,
        )

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


# Where a serialised issue differs per recipient. Plain ASCII words, which the
# email package writes out unchanged (in headers and in quoted-printable bodies)
# and which no template, address or link contains.
SLOT_TO = b"slot-to-7c1e@recipient.invalid"
SLOT_MESSAGE_ID = b"slot-message-id-7c1e"
SLOT_LINK = b"slot-unsubscribe-7c1e"
# A body slot takes its line's end with it: the encoded body brings its own.
SLOT_TEXT = b"slot-text-7c1e\r\n"
SLOT_HTML = b"slot-html-7c1e\r\n"
_SLOTS = re.compile(
    b"("
    + b"|".join(map(re.escape, (SLOT_TO, SLOT_MESSAGE_ID, SLOT_LINK, SLOT_TEXT, SLOT_HTML)))
    + b")"
)
# An address that can go into the To header and the SMTP envelope as it is;
# any other (an international one, say) is composed by Django in full.
_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+")


class _PersonalBody:
    """A body in quoted-printable, encoded once but for the lines with the unsubscribe link.

    Quoted-printable encodes each line on its own (its soft breaks depend on
    that line alone), so the lines without the link are encoded here once and
    only the few with it for each copy: ``encoded(link)`` gives the same bytes
    as encoding the whole personalised body, with CRLF line ends.
    """

    def __init__(self, text):
        # Every line end as LF (a lone CR too), which binascii makes CRLF below.
        *lines, last = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        lines = [line + "\n" for line in lines] + ([last] if last else [])
        # Encoded runs of common lines (bytes) between the personal lines (str).
        self.parts = []
        common = []
        for line in lines:
            if UNSUBSCRIBE_MARKER in line:
                self.parts += [self._encode("".join(common)), line] if common else [line]
                common = []
            else:
                common.append(line)
        if common:
            self.parts.append(self._encode("".join(common)))

    @staticmethod
    def _encode(text):
        return binascii.b2a_qp(text.encode(), istext=True).replace(b"\n", b"\r\n")

    def encoded(self, link):
        body = b"".join(
            part
            if isinstance(part, bytes)
            else self._encode(part.replace(UNSUBSCRIBE_MARKER, link))
            for part in self.parts
        )
        return body if body.endswith(b"\r\n") else body + b"\r\n"


class SerialisedIssue:
    """An issue as the bytes of one email, made once; each recipient's copy is a substitution.

    Building a MIME message with Python's email package takes milliseconds
    (folding, encoding, generating), far more than sending it to a local relay.
    Every copy of an issue is the same but for the address, the personal
    unsubscribe link (in ``List-Unsubscribe`` and in both bodies) and the
    Message-ID, so the message is built and serialised once with slots there,
    and ``as_bytes`` fills them in: the bodies are kept in quoted-printable
    but for their lines with the link (``_PersonalBody``), and the link is the
    subscriber's token between a prefix and a suffix resolved once; everything
    else is copied.
    """

    def __init__(self, rendered):
        self.rendered = rendered
        template = _message(
            rendered.subject,
            SLOT_TEXT.decode(),
            SLOT_HTML.decode(),
            SLOT_TO.decode(),
            list_unsubscribe=SLOT_LINK.decode(),
        )
        template.extra_headers["Message-ID"] = f"<{SLOT_MESSAGE_ID.decode()}>"
        self.from_email = template.from_email
        mime = template.message(policy=_SMTP_FOLD_ONCE)
        for part in mime.iter_parts():
            # Quoted-printable whatever the slot looks like, since the real bodies need it.
            part.set_content(
                part.get_content().strip() + "\n",
                subtype=part.get_content_subtype(),
                charset="utf-8",
                cte="quoted-printable",
            )
        self._pieces = _SLOTS.split(mime.as_bytes())
        found = sorted(self._pieces[1::2])
        if found != sorted((SLOT_TO, SLOT_MESSAGE_ID, SLOT_LINK, SLOT_TEXT, SLOT_HTML)):
            raise ValueError(f"The issue's email template lost a slot: {found}")
        self._message_id_domain = urlsplit(settings.SITE_URL).hostname or "localhost"
        self._text = _PersonalBody(rendered.text)
        self._html = _PersonalBody(rendered.html)
        # The unsubscribe link around its token (signing tokens need no quoting in a path).
        between = "slot-7c1e"
        self._link_prefix, self._link_suffix = unsubscribe_url_for_token(between).split(between)

    @staticmethod
    def can_serialise_for(address):
        """Whether ``as_bytes`` can address this copy (else use ``RenderedIssue.message_for``)."""
        return bool(_PLAIN_ADDRESS.fullmatch(address or ""))

    def message_id(self, delivery_pk):
        """The same for every attempt at one delivery, so mail systems can drop a repeat."""
        return f"issue-{self.rendered.issue_pk}.delivery-{delivery_pk}@{self._message_id_domain}"

    def as_bytes(self, subscriber, delivery_pk):
        """The copy for ``subscriber`` (whose address ``can_serialise_for``), ready for SMTP."""
        link = f"{self._link_prefix}{unsubscribe_token(subscriber)}{self._link_suffix}"
        values = {
            SLOT_TO: subscriber.email.encode(),
            SLOT_MESSAGE_ID: self.message_id(delivery_pk).encode(),
            SLOT_LINK: link.encode(),
            SLOT_TEXT: self._text.encoded(link),
            SLOT_HTML: self._html.encoded(link),
        }
        pieces = self._pieces.copy()
        for index in range(1, len(pieces), 2):
            pieces[index] = values[pieces[index]]
        return b"".join(pieces)

    def message_for(self, subscriber, delivery_pk):
        """The copy as a Django email, for mailers other than SMTP (files, console, memory)."""
        if not self.can_serialise_for(subscriber.email):
            return self.rendered.message_for(subscriber)
        return _SerialisedEmail(
            self.as_bytes(subscriber, delivery_pk),
            subject=self.rendered.subject,
            from_email=self.from_email,
            to=[subscriber.email],
        )


class _SerialisedEmail(EmailMessage):
    """A Django email whose message is given as bytes, so every mailer sends the same copy."""

    def __init__(self, raw, **kwargs):
        super().__init__(**kwargs)
        self.raw = raw

    def message(self, *, policy=email.policy.default):
        return email.message_from_bytes(self.raw, policy=policy)
