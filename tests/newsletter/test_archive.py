"""Tidigare nyhetsbrev: sent issues on the site, as they were sent, drafts never."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from newsletter.models import Issue, IssueArticle
from newsletter.sending import send_issue

from .conftest import make_subscribers

pytestmark = pytest.mark.django_db


@pytest.fixture
def locmem(settings):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


def sent_issue(subject="Nyhetsbrev om hållbar upphandling", days_ago=0, articles=()):
    issue = Issue.objects.create(subject=subject, introduction="Första stycket om Växjö.")
    for order, article in enumerate(articles):
        IssueArticle.objects.create(issue=issue, article=article, order=order)
    send_issue(issue.pk)
    Issue.objects.filter(pk=issue.pk).update(sent_at=timezone.now() - timedelta(days=days_ago))
    issue.refresh_from_db()
    return issue


def test_the_archive_lists_sent_issues_newest_first_and_never_drafts(client, locmem):
    older = sent_issue("Äldre nummer", days_ago=40)
    newer = sent_issue("Nyare nummer", days_ago=3)
    Issue.objects.create(subject="Hemligt utkast", introduction="Inte klart.")

    page = client.get("/nyhetsbrev/tidigare/")

    assert page.status_code == 200
    assert "Tidigare nyhetsbrev" in page.text
    assert page.text.index("Nyare nummer") < page.text.index("Äldre nummer")
    assert "Hemligt utkast" not in page.text
    for issue in (older, newer):
        assert f'href="/nyhetsbrev/tidigare/{issue.pk}/"' in page.text
        local = timezone.localtime(issue.sent_at).isoformat(timespec="seconds")
        assert f'datetime="{local}"' in page.text


def test_an_issue_page_shows_the_content_as_sent_without_personal_links(client, locmem):
    make_subscribers(2)
    article = Article.objects.create(
        title="Nya kriterier för möbler",
        slug="nya-kriterier",
        lead="Ingressen.",
        status=Article.Status.PUBLISHED,
    )
    issue = sent_issue(articles=[article])
    # Changed after sending: the archive shows what the readers got.
    Article.objects.filter(pk=article.pk).update(title="Omskriven rubrik")

    page = client.get(f"/nyhetsbrev/tidigare/{issue.pk}/")

    assert page.status_code == 200
    assert "Nyhetsbrev om hållbar upphandling" in page.text
    assert "Första stycket om Växjö." in page.text
    assert "Nya kriterier för möbler" in page.text
    assert "Omskriven rubrik" not in page.text
    assert "/nyhetsbrev/avsluta/" not in page.text
    # Every copy links to this page.
    for message in mail.outbox:
        text = message.body
        assert f"Läs i webbläsaren: https://nyhetsbrev.example.org{page.request['PATH_INFO']}" in (
            text
        )


def test_a_draft_or_an_issue_being_sent_has_no_public_page(client):
    draft = Issue.objects.create(subject="Utkast", introduction="Text.")
    sending = Issue.objects.create(
        subject="Skickas", introduction="Text.", status=Issue.Status.SENDING
    )
    for issue in (draft, sending):
        assert client.get(f"/nyhetsbrev/tidigare/{issue.pk}/").status_code == 404


def test_the_newsletter_page_and_the_sitemap_link_to_the_archive(client, locmem):
    issue = sent_issue()
    draft = Issue.objects.create(subject="Utkast", introduction="Text.")

    assert 'href="/nyhetsbrev/tidigare/"' in client.get(reverse("newsletter:signup")).text
    sitemap = client.get("/sitemap.xml").text
    assert "/nyhetsbrev/tidigare/</loc>" in sitemap
    assert f"/nyhetsbrev/tidigare/{issue.pk}/</loc>" in sitemap
    assert f"/nyhetsbrev/tidigare/{draft.pk}/" not in sitemap


def test_archive_pages_come_from_the_page_cache(
    client, settings, locmem, django_assert_num_queries, on_commit
):
    settings.PAGE_CACHE_SECONDS = 60
    issue = sent_issue()
    for url in ("/nyhetsbrev/tidigare/", f"/nyhetsbrev/tidigare/{issue.pk}/"):
        first = client.get(url)
        assert first.status_code == 200
        assert not first.cookies
        # The second reader costs no query at all.
        with django_assert_num_queries(0):
            assert client.get(url).content == first.content
    # A newly sent issue shows at once.
    with on_commit():
        later = sent_issue("Decembernumret")
    assert "Decembernumret" in client.get("/nyhetsbrev/tidigare/").text
    assert client.get(f"/nyhetsbrev/tidigare/{later.pk}/").status_code == 200


@pytest.mark.parametrize("size", [5, 200])
def test_archive_query_counts_do_not_grow(client, django_assert_max_num_queries, size):
    now = timezone.now()
    Issue.objects.bulk_create(
        Issue(
            subject=f"Nummer {n}",
            introduction="Text.",
            status=Issue.Status.SENT,
            sent_at=now - timedelta(days=n),
            content={"paragraphs": ["Text."], "articles": [], "events": []},
        )
        for n in range(size)
    )
    with django_assert_max_num_queries(10):
        assert client.get("/nyhetsbrev/tidigare/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get("/nyhetsbrev/tidigare/?page=2").status_code == (200 if size > 50 else 404)
    newest = Issue.objects.published().first()
    with django_assert_max_num_queries(10):
        assert client.get(f"/nyhetsbrev/tidigare/{newest.pk}/").status_code == 200
