"""No link leads nowhere: a production deployment made from an empty database.

As a new operator would: an empty PostgreSQL database, ``manage.py migrate`` with
the production settings, content that is not the demo's (tags with å, ä, ö, ø and
æ, no front-page hero, no pictures, an organisation with no events, a person with
no photo), gunicorn with ``gunicorn.conf.py``. Every internal link reachable from
the front page is followed, and each must answer 200, or redirect to a page that does.
"""

import os
import secrets
import subprocess
import sys
import urllib.error
import urllib.request
from collections import deque
from datetime import timedelta
from urllib.parse import quote, urljoin, urlsplit

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from events.models import Event, Participation
from tests.factories import ArticleFactory, EventFactory, OrganisationFactory, PersonFactory
from tests.links import internal_links
from tests.liveserver import (
    BASE_DIR,
    _recreate_database,
    database_url,
    in_thread,
    orm_database,
    start_production_server,
    stop_process,
)
from tests.smtp import free_port

# gunicorn, and a database made by `migrate` in a subprocess: not for `make check`.
pytestmark = pytest.mark.servers

# Enough for every page of the content below and its filters, feeds and archive;
# a crawl that needs more has found links that multiply without end.
MAX_PAGES = 600
TOPICS = ["Tvångsarbete", "Sjöfart och ål", "Økologi", "Ærlig handel", "Bärbara datorer"]


def create_content():
    """Content no demo helped with, made through the models as the admin would."""
    without_events = OrganisationFactory(name="Sykehusinnkjøp HF", short_name="")
    organiser = OrganisationFactory(name="Region Skåne", short_name="")
    author = PersonFactory(name="Bjørn Ærø-Åström", organisation=without_events)
    speaker = PersonFactory(name="Grete Strauß", organisation=organiser)
    now = timezone.now()
    for number in range(24):
        article = ArticleFactory(
            title=f"Nyhet {number} om leverantörskedjor",
            slug=f"nyhet-{number}-om-leverantorskedjor",
            published_at=now - timedelta(days=9 * number + 1),
            authors=[author],
        )
        article.tags.add(TOPICS[number % len(TOPICS)], TOPICS[(number + 2) % len(TOPICS)])
    for number, days in enumerate((-200, -30, -2, 3, 40, 400)):
        event = EventFactory(
            title=f"Dialog om {TOPICS[number % len(TOPICS)].lower()}",
            starts_at=now + timedelta(days=days),
            kind=list(Event.Kind.values)[number % len(Event.Kind.values)],
            status=Event.Status.CANCELLED if number == 4 else Event.Status.PUBLISHED,
            organisers=[organiser],
            tags=[TOPICS[number % len(TOPICS)]],
        )
        Participation.objects.create(event=event, person=speaker, role=Participation.Role.SPEAKER)
    return {
        "organisation without events": without_events.get_absolute_url(),
        "person without a photo": author.get_absolute_url(),
        **{
            f"topic {tag.name}": reverse("articles:tag", args=[tag.slug])
            for tag in Tag.objects.all()
        },
        "accessibility statement": "/tillganglighet/",
        "privacy notice": "/integritet/",
    }


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # each hop is checked by hand: it must stay on the site


OPENER = urllib.request.build_opener(_NoRedirects)


def fetch(url):
    """(status, headers, body) of one GET, without following redirects."""
    try:
        with OPENER.open(url, timeout=20) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def follow(site, path, hops=5):
    """(final status, final path, headers, body) of path, following the site's own redirects."""
    for _ in range(hops):
        status, headers, body = fetch(site + quote(path, safe="/?&=%:+;,@!$'()*~-._"))
        if status not in (301, 302, 303, 307, 308):
            return status, path, headers, body
        target = urlsplit(urljoin(site + path, headers["Location"]))
        if f"{target.scheme}://{target.netloc}" != site:
            return status, f"{path} -> {headers['Location']} (another host)", headers, body
        path = target.path + (f"?{target.query}" if target.query else "")
    return status, f"{path} (too many redirects)", headers, body


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, collected_static, tmp_path_factory):
    """gunicorn with the production settings on a database made by ``migrate`` alone."""
    folder = tmp_path_factory.mktemp("links")
    with django_db_blocker.unblock():
        name = in_thread(lambda: f"{connection.settings_dict['NAME']}_links")
        in_thread(_recreate_database, name, template="template0")  # empty, not a copy
        port = free_port()
        env = {
            "DJANGO_SETTINGS_MODULE": "secretariat.settings.production",
            "DATABASE_URL": database_url(connection.settings_dict, name),
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": f"http://127.0.0.1:{port}",
            "SECURE_SSL_REDIRECT": "false",
            "CONTACT_EMAIL": "kansliet@hallbar-upphandling.se",
            "STATIC_ROOT": str(collected_static),
            "MEDIA_ROOT": str(folder / "media"),
            "WEB_CONCURRENCY": "2",
            "LOG_LEVEL": "WARNING",
            "SERVER_LOG": str(folder / "server.log"),
        }
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=BASE_DIR,
            env={**os.environ, **env},
            check=True,
            timeout=300,
        )

        def content():
            with orm_database(name):
                return create_content()

        expected = in_thread(content)
        server = start_production_server(env, port)
        try:
            yield f"http://127.0.0.1:{port}", expected, folder / "server.log"
        finally:
            stop_process(server)
            in_thread(_recreate_database, name)


def test_every_internal_link_from_the_front_page_answers_200(site):
    url, expected, log = site
    queue, seen, broken = deque(["/"]), {"/"}, []
    while queue and len(seen) <= MAX_PAGES:
        path = queue.popleft()
        status, final, headers, body = follow(url, path)
        if status != 200:
            broken.append(f"{path}: {status} {final if final != path else ''}".strip())
            continue
        if not headers.get("Content-Type", "").startswith("text/html"):
            continue
        for link in internal_links(body.decode(), url + final):
            if not link.startswith("/admin/") and link not in seen:
                seen.add(link)
                queue.append(link)

    server_log = log.read_text(errors="replace")[-2000:] if log.exists() else ""
    assert not broken, "\n".join(broken) + "\n" + server_log
    assert len(seen) <= MAX_PAGES, f"more than {MAX_PAGES} pages: links multiply"
    missed = {what: path for what, path in expected.items() if path not in seen}
    assert not missed, f"not reached from the front page: {missed}"
