"""The live mode: the old site's Web Services API, page by page, on a server on loopback.

The server serves the same saved documents as the folder tests, one
``links.next`` page at a time, with its own address in the links (as Joomla
writes them), and answers only requests that carry the API token.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import CommandError, call_command

from articles.joomla.documents import JoomlaAPI, SourceError
from articles.models import Article

from .joomla_fixtures import FOLDER, SITE, make_images_folder

pytestmark = pytest.mark.django_db
TOKEN = "c2hhMjU2OjQyOmFiY2RlZg=="  # the shape of a Joomla API token
COLLECTIONS = {
    "/api/index.php/v1/content/articles": {"0": "articles-1.json", "3": "articles-2.json"},
    "/api/index.php/v1/content/categories": {"0": "categories.json"},
    "/api/index.php/v1/tags": {"0": "tags.json"},
    "/api/index.php/v1/users": {"0": "users.json"},
}


class OldSite(BaseHTTPRequestHandler):
    """Joomla's API as far as the import reads it, and the old site's images/ folder."""

    images = None
    requests = []

    def do_GET(self):
        parts = urlsplit(self.path)
        self.requests.append((self.path, self.headers.get("X-Joomla-Token")))
        if parts.path.startswith("/images/"):
            picture = self.images / parts.path.removeprefix("/images/")
            if not picture.is_file():
                return self.answer(404, b"Not found", "text/plain")
            return self.answer(200, picture.read_bytes(), "image/jpeg")
        if self.headers.get("X-Joomla-Token") != TOKEN:
            error = {"errors": [{"title": "Forbidden", "code": 401}]}
            return self.answer(401, json.dumps(error).encode(), "application/vnd.api+json")
        pages = COLLECTIONS.get(parts.path)
        offset = (parse_qs(parts.query).get("page[offset]") or ["0"])[0]
        if pages is None or offset not in pages:
            return self.answer(404, b'{"errors": [{"title": "Resource not found"}]}', "")
        own = f"http://{self.headers['Host']}/"
        body = (FOLDER / pages[offset]).read_text(encoding="utf-8").replace(SITE, own)
        return self.answer(200, body.encode(), "application/vnd.api+json")

    def answer(self, status, body, kind):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def old_site(tmp_path):
    OldSite.images = make_images_folder(tmp_path / "images")
    OldSite.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), OldSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_the_live_site_is_read_page_by_page_with_the_token(old_site, monkeypatch, capsys):
    monkeypatch.setenv("JOOMLA_API_TOKEN", TOKEN)
    call_command("import_joomla", old_site)
    assert "5 created" in capsys.readouterr().out
    api = [(path, token) for path, token in OldSite.requests if path.startswith("/api/")]
    assert {token for _path, token in api} == {TOKEN}
    # The second page of articles through the first page's links.next.
    assert any("page%5Boffset%5D=3" in path for path, _token in api)
    # Pictures are downloaded from the old site, without the token; so is a file the
    # text links to (not found there).
    pictures = [(path, token) for path, token in OldSite.requests if path.startswith("/images/")]
    assert {path for path, _token in pictures} == {
        "/images/nyheter/kod.jpg",
        "/images/nyheter/handskar.png",
        "/images/nyheter/fabriksgolv.jpg",
        "/images/dokument/koden.pdf",
    }
    assert {token for _path, token in pictures} == {None}
    code = Article.objects.get(joomla_id=101)
    assert code.image
    # Links on the old site's own address are rewritten too.
    assert 'href="/aktuellt/revision-i-malmo/"' in code.body
    assert Article.objects.get(joomla_id=106).slug == "2019-arsmote"

    call_command("import_joomla", old_site)
    assert "0 created, 5 updated" in capsys.readouterr().out
    assert Article.objects.count() == 5


def test_a_wrong_token_is_refused_clearly(old_site, monkeypatch):
    monkeypatch.setenv("JOOMLA_API_TOKEN", "fel")
    with pytest.raises(CommandError, match="refused the API token"):
        call_command("import_joomla", old_site)
    monkeypatch.delenv("JOOMLA_API_TOKEN")
    with pytest.raises(CommandError, match="JOOMLA_API_TOKEN is not set"):
        call_command("import_joomla", old_site)
    assert not Article.objects.exists()


def test_plain_http_is_only_for_loopback():
    with pytest.raises(SourceError, match="must start with https://"):
        JoomlaAPI("http://gamla.kansliet.example/", TOKEN)
    assert JoomlaAPI("https://gamla.kansliet.example/", TOKEN).root == SITE
    assert (
        JoomlaAPI("http://127.0.0.1:8080/api/index.php/v1", TOKEN).root == "http://127.0.0.1:8080/"
    )


def test_the_token_never_follows_a_link_to_another_site(old_site):
    site = JoomlaAPI(old_site, TOKEN)
    with pytest.raises(SourceError, match="the token is not sent there"):
        site.get_document("https://annan.example/api/index.php/v1/users")
    with pytest.raises(SourceError, match="the token is not sent there"):
        site.get_document(old_site.replace("127.0.0.1", "localhost"))
