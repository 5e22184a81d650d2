"""The public news pages: filters, archive, tags, article page, feeds, front page."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Hero
from tests.factories import ArticleFactory, EventFactory, OrganisationFactory, PersonFactory
from tests.xss import PAYLOADS, dangerous_markup

# Each test twice: with the page cache off, and on as in production.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def slugs(response):
    return [article.slug for article in response.context["object_list"]]


def test_several_tags_must_all_match(client):
    ArticleFactory(slug="bada", tags=["klimat", "textil"])
    ArticleFactory(slug="klimat", tags=["klimat"])
    ArticleFactory(slug="textil", tags=["textil"])
    response = client.get(reverse("articles:list"), {"amne": ["klimat", "textil"]})
    assert slugs(response) == ["bada"]
    response = client.get(reverse("articles:list"), {"amne": "klimat"})
    assert sorted(slugs(response)) == ["bada", "klimat"]


def test_author_filter_offers_those_who_wrote_most_and_the_chosen_one(client, monkeypatch):
    monkeypatch.setattr("articles.filters.AUTHOR_CHOICES", 2)
    sara, omar, lena = (PersonFactory(name=name) for name in ("Sara", "Omar", "Lena"))
    ArticleFactory.create_batch(2, authors=[sara])
    ArticleFactory.create_batch(2, authors=[omar])
    ArticleFactory(slug="lenas", authors=[lena])
    ArticleFactory(authors=[PersonFactory(name="Utkast")], status=Article.Status.DRAFT)

    def options(response):
        select = re.search(
            r'<select name="forfattare".*?</select>', response.content.decode(), re.S
        )
        return re.findall(r'<option value="([^"]*)"', select[0])

    assert options(client.get(reverse("articles:list"))) == ["", omar.slug, sara.slug]
    # Chosen from a person's page: offered too, selected, and the list is filtered.
    response = client.get(reverse("articles:list"), {"forfattare": lena.slug})
    assert options(response) == ["", lena.slug, omar.slug, sara.slug]
    assert f'<option value="{lena.slug}" selected>' in response.content.decode()
    assert slugs(response) == ["lenas"]
    # Someone who wrote only drafts is no choice.
    response = client.get(reverse("articles:list"), {"forfattare": "utkast"})
    assert options(response) == ["", omar.slug, sara.slug]


def test_filter_offers_the_most_used_tags_and_the_chosen_ones(client, monkeypatch):
    monkeypatch.setattr("articles.filters.TAG_CHOICES", 2)
    ArticleFactory.create_batch(3, tags=["klimat", "textil"])
    ArticleFactory(tags=["kemikalier"])
    ArticleFactory(tags=["sjukvard"], status=Article.Status.DRAFT)

    def checkboxes(response):
        return re.findall(r'name="amne" value="([^"]+)"', response.content.decode())

    response = client.get(reverse("articles:list"))
    assert checkboxes(response) == ["klimat", "textil"]
    assert f'href="{reverse("articles:tags")}"' in response.content.decode()
    # A tag chosen elsewhere is offered too, ticked, so the filter can be undone.
    response = client.get(reverse("articles:list"), {"amne": "kemikalier"})
    assert checkboxes(response) == ["kemikalier", "klimat", "textil"]
    assert 'value="kemikalier" id="id_amne_0" checked' in response.content.decode()
    # A tag only drafts carry is no choice.
    response = client.get(reverse("articles:list"), {"amne": "sjukvard"})
    assert response.context["filter"].errors["amne"]


def test_tags_and_authors_offered_are_those_of_recent_news(client, monkeypatch):
    monkeypatch.setattr("articles.filters.RECENT_ARTICLES", 2)
    older, newer = PersonFactory(name="Åsa Äldre"), PersonFactory(name="Øystein Nyare")
    for days_ago in (30, 20, 10):
        ArticleFactory(
            tags=["återbruk"],
            authors=[older],
            published_at=timezone.now() - timedelta(days=days_ago),
        )
    for days_ago in (2, 1):
        ArticleFactory(
            tags=["kemikalier"],
            authors=[newer],
            published_at=timezone.now() - timedelta(days=days_ago),
        )
    page = client.get(reverse("articles:list")).content.decode()
    assert re.findall(r'name="amne" value="([^"]+)"', page) == ["kemikalier"]
    assert "återbruk" not in page
    assert f'value="{newer.slug}"' in page
    assert f'value="{older.slug}"' not in page
    # The older ones are still there to choose, from a tag or person page.
    response = client.get(reverse("articles:list"), {"amne": "aterbruk", "forfattare": older.slug})
    assert len(response.context["object_list"]) == 3
    assert "återbruk" in response.content.decode()


def test_year_author_and_language_filters(client):
    author = PersonFactory(slug="sara")
    ArticleFactory(
        slug="2019-sara",
        published_at=datetime(2019, 1, 1, 0, 30, tzinfo=STOCKHOLM),
        authors=[author],
    )
    ArticleFactory(slug="2018", published_at=datetime(2018, 12, 31, 23, 30, tzinfo=STOCKHOLM))
    ArticleFactory(slug="engelsk", language="en", authors=[author])
    list_url = reverse("articles:list")
    # New Year's night in Stockholm belongs to the new year, though UTC disagrees.
    assert slugs(client.get(list_url, {"ar": "2019"})) == ["2019-sara"]
    assert slugs(client.get(list_url, {"ar": "2018"})) == ["2018"]
    assert sorted(slugs(client.get(list_url, {"forfattare": "sara"}))) == ["2019-sara", "engelsk"]
    assert slugs(client.get(list_url, {"sprak": "en"})) == ["engelsk"]
    assert slugs(client.get(list_url, {"sprak": "en", "forfattare": "sara"})) == ["engelsk"]


def test_filter_state_stays_in_pagination_links(client):
    ArticleFactory.create_batch(25, tags=["klimat"])
    content = client.get(reverse("articles:list"), {"amne": "klimat"}).content.decode()
    assert "?amne=klimat&amp;page=2" in content


def test_an_unknown_filter_value_is_a_message_not_an_error(client):
    response = client.get(reverse("articles:list"), {"amne": "finns-inte", "ar": "abc"})
    assert response.status_code == 200
    assert response.context["filter"].errors


def test_archive_counts_per_year_and_month(client):
    for day in (3, 20):
        ArticleFactory(published_at=datetime(2019, 3, day, 12, tzinfo=STOCKHOLM))
    ArticleFactory(published_at=datetime(2019, 5, 1, 12, tzinfo=STOCKHOLM))
    ArticleFactory(published_at=datetime(2020, 1, 1, 0, 10, tzinfo=STOCKHOLM))
    years = client.get(reverse("articles:archive")).context["years"]
    assert [(year["year"], year["count"]) for year in years] == [(2020, 1), (2019, 3)]
    assert [(row["month"].month, row["count"]) for row in years[1]["months"]] == [(5, 1), (3, 2)]
    response = client.get(reverse("articles:archive_year", args=[2019]))
    assert [(row["month"].month, row["count"]) for row in response.context["month_counts"]] == [
        (3, 2),
        (5, 1),
    ]
    response = client.get(reverse("articles:archive_month", args=[2019, 3]))
    assert len(response.context["object_list"]) == 2
    assert "mars 2019" in response.content.decode()
    assert client.get(reverse("articles:archive_month", args=[2019, 4])).status_code == 404


def test_article_page(client):
    author = PersonFactory(name="Sara Nyberg", bio="Leder revisioner.")
    event = EventFactory(title="Leverantörsdialog")
    article = ArticleFactory(
        title="Revision i Sialkot",
        published_at=datetime(2019, 3, 14, 16, tzinfo=STOCKHOLM),
        authors=[author],
        tags=["revision"],
        language="en",
    )
    article.events.add(event)
    content = client.get(article.get_absolute_url()).content.decode()
    assert '<time datetime="2019-03-14T16:00:00+01:00">14 mars 2019</time>' in content
    assert 'lang="en"' in content
    assert "Om författaren" in content
    assert "Leder revisioner." in content
    assert "Leverantörsdialog" in content
    assert reverse("articles:tag", args=["revision"]) in content
    assert '"@type": "NewsArticle"' in content
    assert '<meta property="og:type" content="article">' in content


def test_previous_and_next_article(client):
    older, middle, newer = (
        ArticleFactory(published_at=datetime(2019, 1, day, tzinfo=STOCKHOLM)) for day in (1, 2, 3)
    )
    response = client.get(middle.get_absolute_url())
    assert response.context["previous_article"] == older
    assert response.context["next_article"] == newer


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_html_saved_through_the_admin_keeps_no_script(staff_client, client, payload):
    response = staff_client.post(
        reverse("admin:articles_article_add"),
        {
            "title": "Testartikel",
            "slug": "testartikel",
            "lead": "Ingress.",
            "body": f"<p>Före</p>{payload}<p>Efter</p>",
            "status": "published",
            "published_at_0": "2026-01-10",
            "published_at_1": "10:00:00",
            "language": "sv",
            "authorships-TOTAL_FORMS": "0",
            "authorships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    html = client.get(reverse("articles:detail", args=["testartikel"])).content.decode()
    main = re.search(r"<main\b.*?</main>", html, re.DOTALL)[0]
    assert "Före" in main
    assert "Efter" in main
    assert dangerous_markup(main) == []


@pytest.mark.parametrize(
    ("name", "tag"),
    [
        ("feed_rss", None),
        ("feed_atom", None),
        ("tag_feed_rss", "klimat"),
        ("tag_feed_atom", "klimat"),
    ],
)
def test_feeds_are_valid_with_stable_ids(client, name, tag):
    ArticleFactory(
        title="Klimatkrav", tags=["klimat"], authors=[PersonFactory(name="Johan Ekström")]
    )
    ArticleFactory(title="Annat")
    url = reverse(f"articles:{name}", args=[tag] if tag else [])
    response = client.get(url)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    titles = [entry.title for entry in feed.entries]
    assert titles == (["Klimatkrav"] if tag else ["Klimatkrav", "Annat"])
    ids = [entry.id for entry in feed.entries]
    assert ids == [entry.id for entry in feedparser.parse(client.get(url).content).entries]
    if "atom" in name:
        assert feed.feed.updated


def test_feed_items_name_their_tags_and_authors(client):
    ArticleFactory(title="Med ämnen", tags=["klimat", "avfall"])
    ArticleFactory(title="Utan ämnen")

    entries = feedparser.parse(client.get(reverse("articles:feed_rss")).content).entries

    tags = {entry.title: [tag.term for tag in entry.get("tags", [])] for entry in entries}
    assert tags == {"Med ämnen": ["avfall", "klimat"], "Utan ämnen": []}


def test_feed_answers_conditional_get_and_changes_with_content(
    client, django_capture_on_commit_callbacks
):
    ArticleFactory()
    url = reverse("articles:feed_rss")
    first = client.get(url)
    assert first.has_header("ETag")
    assert first.has_header("Last-Modified")
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    # Committed changes, as staff make them: the page cache learns of them on commit.
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(title="Tillbakadragen")
    second = client.get(url, headers={"if-none-match": first["ETag"]})
    assert second.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        article.status = Article.Status.DRAFT
        article.save()
    third = client.get(url, headers={"if-none-match": second["ETag"]})
    assert third.status_code == 200
    assert "Tillbakadragen" not in third.content.decode()


def test_feed_autodiscovery_links(client):
    ArticleFactory(tags=["klimat"])
    content = client.get(reverse("articles:tag", args=["klimat"])).content.decode()
    assert (
        f'type="application/rss+xml" title="Aktuellt (RSS)" href="{reverse("articles:feed_rss")}"'
        in content
    )
    assert f'href="{reverse("articles:tag_feed_atom", args=["klimat"])}"' in content


def test_front_page_shows_hero_latest_and_upcoming_events(client):
    Hero.objects.create(
        heading="Hållbar vård", text="Text.", link_url="/aktuellt/", link_text="Läs", is_active=True
    )
    ArticleFactory(title="Utvald nyhet", is_featured=True)
    ArticleFactory(title="Senaste nyheten")
    EventFactory(title="Kommande webbinarium", organisers=[OrganisationFactory(short_name="OSSE")])
    content = client.get(reverse("articles:home")).content.decode()
    for text in ("Hållbar vård", "Utvald nyhet", "Senaste nyheten", "Kommande webbinarium"):
        assert text in content
    # The event reads as in the events app's lists, its title a heading under "Upcoming events".
    assert "Arrangörer: OSSE" in content
    heading = r'<h3 id="event-\d+"><a href="/evenemang/[^"]+/">Kommande webbinarium'
    assert re.search(heading, content)


def test_only_one_hero_is_active():
    from django.db import IntegrityError, transaction

    Hero.objects.create(heading="A", text="a", is_active=True)
    Hero.objects.create(heading="B", text="b")
    with pytest.raises(IntegrityError), transaction.atomic():
        Hero.objects.create(heading="C", text="c", is_active=True)


def test_sitemap_lists_published_articles(client):
    article = ArticleFactory()
    assert article.get_absolute_url() in client.get("/sitemap.xml").content.decode()


def test_teasers_include_for_the_person_page():
    from django.template.loader import render_to_string

    author = PersonFactory()
    ArticleFactory(title="Skriven av personen", authors=[author])
    ArticleFactory(title="Någon annans")
    articles = Article.objects.published().by_author(author).for_listing()
    html = render_to_string(
        "articles/includes/article_teasers.html", {"articles": articles, "heading_level": 3}
    )
    assert "<h3><a" in html
    assert "Skriven av personen" in html
    assert "Någon annans" not in html


def test_deep_pages_keep_the_order(client):
    articles = ArticleFactory.create_batch(45)  # Newest first, by the factory's sequence.
    response = client.get(reverse("articles:list"), {"page": 3})
    assert list(response.context["object_list"]) == articles[40:]
    assert response.context["page_obj"].paginator.num_pages == 3
