"""The old site's addresses answer 301 to the new pages; staff's redirects come first."""

import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.redirects.models import Redirect
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.joomla.addresses import OldReference, reference
from articles.models import Article
from secretariat.roles import EDITOR
from tests.factories import ArticleFactory

CODE_ALIAS = "regionerna-enas-om-en-gemensam-uppforandekod"
LOOKUP = re.compile(r'"joomla_(id|alias)" =|django_redirect')


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        (
            "/index.php",
            "option=com_content&view=article&id=101&catid=8&Itemid=101",
            OldReference(joomla_id=101),
        ),
        (
            "/index.php",
            f"option=com_content&view=article&id=101:{CODE_ALIAS}",
            OldReference(joomla_id=101, alias=CODE_ALIAS),
        ),
        (
            f"/index.php/nyheter/101-{CODE_ALIAS}.html",
            "",
            OldReference(joomla_id=101, alias=CODE_ALIAS, segment=f"101-{CODE_ALIAS}"),
        ),
        (f"/nyheter/{CODE_ALIAS}/", "", OldReference(alias=CODE_ALIAS, segment=CODE_ALIAS)),
        ("/nyheter/%C3%B6ppna-data", "", OldReference(alias="öppna-data", segment="öppna-data")),
        ("/index.php", "option=com_content&view=category&id=8", None),
        ("/index.php", "option=com_content&view=article&id=abc", None),
        ("/index.php", "", None),
        ("/", "", None),
    ],
)
def test_old_addresses_are_read(path, query, expected):
    assert reference(path, query) == expected


@pytest.fixture
def old_articles(db):
    return {
        "code": ArticleFactory(slug="regionerna-enas", joomla_id=101, joomla_alias=CODE_ALIAS),
        "meeting": ArticleFactory(slug="arsmote-2019", joomla_id=106, joomla_alias="2019-arsmote"),
        # An article whose Joomla id is the number the meeting's alias starts with.
        "chain": ArticleFactory(
            slug="vardkedjan", joomla_id=2019, joomla_alias="hallbarhet-i-vardkedjan"
        ),
        "open": ArticleFactory(
            slug="oppna-data", joomla_id=110, joomla_alias="öppna-data-för-upphandlare"
        ),
        "draft": ArticleFactory(
            status=Article.Status.DRAFT, slug="utkast", joomla_id=103, joomla_alias="utkast"
        ),
    }


@pytest.mark.parametrize(
    ("address", "name"),
    [
        ("/index.php?option=com_content&view=article&id=101&catid=8&Itemid=101", "code"),
        (f"/index.php?option=com_content&view=article&id=101:{CODE_ALIAS}&Itemid=5", "code"),
        (f"/index.php/nyheter/101-{CODE_ALIAS}", "code"),
        (f"/nyheter/101-{CODE_ALIAS}.html", "code"),
        (f"/nyheter/{CODE_ALIAS}", "code"),
        (f"/index.php/nyheter/{CODE_ALIAS}.html", "code"),
        ("/nyheter/101-en-rubrik-som-andrats", "code"),  # the alias changed; the id holds
        (f"/component/content/article/101-{CODE_ALIAS}?catid=8&Itemid=101", "code"),
        ("/index.php/natverket/2019-arsmote.html", "meeting"),
        ("/nyheter/2019-hallbarhet-i-vardkedjan", "chain"),
        ("/nyheter/%C3%B6ppna-data-f%C3%B6r-upphandlare", "open"),
    ],
)
def test_old_addresses_answer_301_to_the_new_page(client, old_articles, address, name):
    response = client.get(address)
    assert response.status_code == 301
    assert response["Location"] == old_articles[name].get_absolute_url()


@pytest.mark.parametrize(
    "address",
    [
        "/index.php?option=com_content&view=article&id=103",  # a draft
        "/index.php?option=com_content&view=category&id=8",
        "/index.php?option=com_content&view=article&id=999",
        "/nyheter/finns-inte",
        "/index.php/nyheter/999-okand.html",
        # Hostile or broken addresses: a 404, never an error.
        "/index.php?option=com_content&view=article&id=99999999999999999999999",
        "/index.php?option=com_content&view=article&id=-5",
        "/index.php?option=com_content&view=article&id=1%00",
        "/nyheter/a%00b",
        "/index.php/%ff%fe.html",
        "/nyheter/" + "å" * 3000,
    ],
)
def test_other_old_addresses_stay_not_found(client, old_articles, address):
    assert client.get(address).status_code == 404


def test_ordinary_pages_cost_no_lookup(client, old_articles):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(old_articles["code"].get_absolute_url()).status_code == 200
        assert client.get("/aktuellt/").status_code == 200
    assert not [query for query in queries if LOOKUP.search(query["sql"])]


def test_lookups_are_kept_like_pages_until_content_changes(
    client, old_articles, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = settings.CONTENT_CACHE_SECONDS = 60
    cache.clear()
    address = "/index.php?option=com_content&view=article&id=106"
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address)["Location"] == "/aktuellt/arsmote-2019/"
        looked_up = [query for query in queries if LOOKUP.search(query["sql"])]
    assert looked_up == []  # the second time: from the cache
    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.filter(joomla_id=106).update(joomla_id=107)
        old_articles["code"].save()  # any change to content makes the answers stale
    assert client.get(address).status_code == 404


def test_staff_redirects_come_first_and_gone_is_410(client, old_articles):
    Redirect.objects.create(
        site_id=1, old_path=f"/nyheter/{CODE_ALIAS}", new_path="/aktuellt/vardkedjan/"
    )
    Redirect.objects.create(site_id=1, old_path="/gammal-sida/", new_path="")
    response = client.get(f"/nyheter/{CODE_ALIAS}")
    assert (response.status_code, response["Location"]) == (301, "/aktuellt/vardkedjan/")
    assert client.get("/gammal-sida/").status_code == 410


def test_an_editor_adds_and_edits_a_redirect_in_the_admin(client, django_user_model, db):
    editor = django_user_model.objects.create_user("redaktor", "redaktor@example.org", "pw")
    editor.is_staff = True
    editor.save()
    editor.groups.add(Group.objects.get(name=EDITOR.name))
    client.force_login(editor)
    assert client.get("/admin/redirects/redirect/").status_code == 200
    response = client.post(
        "/admin/redirects/redirect/add/",
        {"site": 1, "old_path": "/om-oss/styrelse.html", "new_path": "/om-kansliet/"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    redirect = Redirect.objects.get(old_path="/om-oss/styrelse.html")
    response = client.post(
        f"/admin/redirects/redirect/{redirect.pk}/change/",
        {"site": 1, "old_path": "/om-oss/styrelse.html", "new_path": "/om-kansliet/styrelsen/"},
    )
    assert response.status_code == 302
    client.logout()
    response = client.get("/om-oss/styrelse.html")
    assert (response.status_code, response["Location"]) == (301, "/om-kansliet/styrelsen/")


@pytest.mark.parametrize("count", [5, 200])
def test_the_redirects_admin_list_has_a_query_budget(
    admin_client, django_assert_max_num_queries, count
):
    Redirect.objects.bulk_create(
        Redirect(site_id=1, old_path=f"/gammalt/{number}-sida", new_path=f"/ny/{number}/")
        for number in range(count)
    )
    with django_assert_max_num_queries(10):
        assert admin_client.get("/admin/redirects/redirect/").status_code == 200
