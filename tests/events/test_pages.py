"""The public pages: what is upcoming and past, event pages, people and organisations."""

import json
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from events.models import Event, Participation
from tests.factories import EventFactory, OrganisationFactory, ParticipationFactory, PersonFactory
from tests.links import internal_links

# Each test twice: with the page cache off, and on as in production.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

STOCKHOLM = ZoneInfo("Europe/Stockholm")
UTC = ZoneInfo("UTC")


def titles(response):
    return [event.title for event in response.context["events"]]


def test_upcoming_lists_events_until_they_end_and_past_lists_them_after(client):
    now = timezone.now()
    running = EventFactory(
        title="Pågår", starts_at=now - timedelta(hours=1), ends_at=now + timedelta(minutes=1)
    )
    ended = EventFactory(
        title="Slut", starts_at=now - timedelta(hours=2), ends_at=now - timedelta(minutes=1)
    )

    assert titles(client.get("/evenemang/")) == [running.title]
    assert titles(client.get("/evenemang/tidigare/")) == [ended.title]


@pytest.mark.parametrize(
    ("starts", "ends", "last_upcoming", "first_past", "duration"),
    [
        # Spring forward: 02:00 CET becomes 03:00 CEST; 01:30 to 03:30 is one hour.
        (
            datetime(2026, 3, 29, 1, 30, tzinfo=STOCKHOLM),
            datetime(2026, 3, 29, 3, 30, tzinfo=STOCKHOLM),
            datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
            datetime(2026, 3, 29, 1, 31, tzinfo=UTC),
            "1 timme",
        ),
        # Fall back: 03:00 CEST becomes 02:00 CET; 01:00 to 04:00 is four hours.
        (
            datetime(2026, 10, 25, 1, 0, tzinfo=STOCKHOLM),
            datetime(2026, 10, 25, 4, 0, tzinfo=STOCKHOLM),
            datetime(2026, 10, 25, 3, 0, tzinfo=UTC),
            datetime(2026, 10, 25, 3, 1, tzinfo=UTC),
            "4 timmar",
        ),
    ],
)
def test_the_split_holds_across_daylight_saving_time(
    client, starts, ends, last_upcoming, first_past, duration
):
    event = EventFactory(title="Natten", starts_at=starts, ends_at=ends)

    with time_machine.travel(last_upcoming, tick=False):
        assert titles(client.get("/evenemang/")) == [event.title]
        assert titles(client.get("/evenemang/tidigare/")) == []
    with time_machine.travel(first_past, tick=False):
        assert titles(client.get("/evenemang/")) == []
        assert titles(client.get("/evenemang/tidigare/")) == [event.title]
    assert duration in client.get(event.get_absolute_url()).content.decode()


def test_an_event_abroad_shows_local_and_swedish_time(client):
    almaty = ZoneInfo("Asia/Almaty")
    event = EventFactory(
        title="Workshop i Astana",
        timezone="Asia/Almaty",
        city="Astana",
        country="KZ",
        starts_at=datetime(2017, 6, 15, 9, 0, tzinfo=almaty),
        ends_at=datetime(2017, 6, 16, 17, 0, tzinfo=almaty),
    )

    html = client.get(event.get_absolute_url()).content.decode()

    assert '<time datetime="2017-06-15T09:00:00+06:00">15 juni 2017 kl. 09:00</time>' in html
    assert "lokal tid i Astana, Asia/Almaty, UTC+6" in html
    assert '<time datetime="2017-06-15T05:00:00+02:00">15 juni 2017 kl. 05:00</time>' in html
    assert "svensk tid, UTC+2" in html
    assert "Kazakstan" in html
    assert "2 dagar" in html


def test_an_all_day_event_shows_dates_only(client):
    santiago = ZoneInfo("America/Santiago")
    event = EventFactory(
        all_day=True,
        timezone="America/Santiago",
        city="Santiago",
        starts_at=datetime(2018, 9, 26, 9, 0, tzinfo=santiago),
        ends_at=datetime(2018, 9, 27, 17, 0, tzinfo=santiago),
    )

    html = client.get(event.get_absolute_url()).content.decode()

    assert '<time datetime="2018-09-26">26 september</time>' in html
    assert '<time datetime="2018-09-27">27 september 2018</time>' in html
    assert "kl." not in html.split("<main")[1].split("</dl>")[0]


def test_a_cancelled_event_stays_listed_marked_cancelled(client):
    event = EventFactory(status=Event.Status.CANCELLED, registration_url="https://example.org/a")

    listing = client.get("/evenemang/").content.decode()
    page = client.get(event.get_absolute_url()).content.decode()

    assert event.title in listing
    assert "Inställt" in listing
    assert "Inställt" in page
    assert "Evenemanget blir inte av." in page
    assert "https://example.org/a" not in page
    assert "Lägg till i kalender" not in page


def test_participants_are_grouped_by_role_with_title_and_organisation(client):
    event = EventFactory()
    osce = OrganisationFactory(name="Organization for Security", short_name="OSCE")
    moderator = PersonFactory(name="Mona Moderator", title="Journalist", organisation=None)
    speaker = PersonFactory(name="Roel Janssens", title="Economic Adviser", organisation=osce)
    second = PersonFactory(name="Sara Nyberg", organisation=None, title="")
    ParticipationFactory(event=event, person=moderator, role=Participation.Role.MODERATOR)
    ParticipationFactory(event=event, person=second, role=Participation.Role.SPEAKER, order=2)
    ParticipationFactory(event=event, person=speaker, role=Participation.Role.SPEAKER, order=1)

    response = client.get(event.get_absolute_url())
    html = response.content.decode()

    groups = [
        (role, [p.person.name for p in people])
        for role, people in response.context["participant_groups"]
    ]
    assert groups == [
        ("Talare", ["Roel Janssens", "Sara Nyberg"]),
        ("Moderator", ["Mona Moderator"]),
    ]
    assert "Roel Janssens</a>, Economic Adviser, OSCE" in html
    assert f'href="{speaker.get_absolute_url()}"' in html


def test_registration_link_shows_only_while_registration_is_open(client):
    now = timezone.now()
    open_event = EventFactory(
        registration_url="https://example.org/open", registration_closes_at=now + timedelta(days=1)
    )
    closed_event = EventFactory(
        registration_url="https://example.org/closed",
        registration_closes_at=now - timedelta(minutes=1),
    )

    assert "https://example.org/open" in client.get(open_event.get_absolute_url()).content.decode()
    closed = client.get(closed_event.get_absolute_url()).content.decode()
    assert "https://example.org/closed" not in closed
    assert "Anmälan har stängt." in closed


def test_the_event_page_links_published_reports_only(client, make_article):
    event = EventFactory()
    make_article("Rapport från workshoppen", events=[event])
    make_article("Utkast till rapport", events=[event], published=False)

    html = client.get(event.get_absolute_url()).content.decode()

    assert "Rapport från evenemanget" in html
    assert "Rapport från workshoppen" in html
    assert "Utkast till rapport" not in html


def test_drafts_are_invisible_to_the_public_and_previewable_by_staff(django_user_model):
    client, staff_client = Client(), Client()
    staff_client.force_login(django_user_model.objects.create_user("e", is_staff=True))
    draft = EventFactory(title="Hemligt utkast", status=Event.Status.DRAFT)
    speaker = PersonFactory(name="Bara I Utkast")
    ParticipationFactory(event=draft, person=speaker)

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"/evenemang/{draft.slug}/kalender.ics").status_code == 404
    assert draft.title not in client.get("/evenemang/").content.decode()
    assert draft.title not in client.get("/evenemang/kalender.ics").content.decode()
    assert draft.title not in client.get("/evenemang/rss/").content.decode()
    assert draft.slug not in client.get("/sitemap.xml").content.decode()
    assert client.get(speaker.get_absolute_url()).status_code == 404
    assert client.get(speaker.organisation.get_absolute_url()).status_code == 404

    preview_url = f"/evenemang/{draft.slug}/forhandsvisning/"
    assert client.get(preview_url).status_code == 302
    preview = staff_client.get(preview_url)
    assert preview.status_code == 200
    assert "Hemligt utkast" in preview.content.decode()
    assert 'name="robots" content="noindex"' in preview.content.decode()
    assert "no-cache" in preview["Cache-Control"]


def test_person_page_shows_public_facts_events_by_role_and_articles(client, make_article):
    person = PersonFactory(name="Irina Kovalenko", title="Senior Adviser", bio="Arbetar i Wien.")
    workshop = EventFactory(title="Workshop i Wien")
    draft = EventFactory(title="Utkastevenemang", status=Event.Status.DRAFT)
    ParticipationFactory(event=workshop, person=person, role=Participation.Role.SPEAKER)
    ParticipationFactory(event=workshop, person=person, role=Participation.Role.MODERATOR)
    ParticipationFactory(event=draft, person=person)
    make_article("Rapport från Wien", authors=[person])
    make_article("Opublicerad text", authors=[person], published=False)

    html = client.get(person.get_absolute_url()).content.decode()

    assert "Senior Adviser" in html
    assert person.organisation.name in html
    assert "Arbetar i Wien." in html
    assert "Workshop i Wien</a> \u2013 Talare, Moderator" in html
    assert "Utkastevenemang" not in html
    assert "Rapport från Wien" in html
    assert "Opublicerad text" not in html


def test_a_prolific_authors_page_shows_the_newest_articles_and_links_to_all(
    client, make_article, monkeypatch
):
    monkeypatch.setattr("events.views.PERSON_ARTICLES", 2)
    author = PersonFactory(name="Amira Haddad", slug="amira-haddad")
    for number in range(3):
        make_article(f"Nyhet {number}", authors=[author])

    response = client.get(author.get_absolute_url())

    assert len(response.context["articles"]) == 2
    assert 'href="/aktuellt/?forfattare=amira-haddad">Alla artiklar av Amira Haddad' in (
        response.content.decode()
    )


def test_an_author_without_events_has_a_page(client, make_article):
    author = PersonFactory(name="Amira Haddad")
    make_article("En nyhet", authors=[author])

    assert client.get(author.get_absolute_url()).status_code == 200


def test_organisation_page_shows_its_people_and_events(client):
    osce = OrganisationFactory(name="OSCE-sekretariatet", url="https://www.osce.org", country="AT")
    person = PersonFactory(name="Marcus Albrecht", organisation=osce)
    upcoming = EventFactory(title="Kommande i Wien", organisers=[osce])
    past = EventFactory(
        title="Förra årets",
        organisers=[osce],
        starts_at=timezone.now() - timedelta(days=400),
        ends_at=timezone.now() - timedelta(days=399),
    )
    ParticipationFactory(event=past, person=person)

    html = client.get(osce.get_absolute_url()).content.decode()

    assert "Marcus Albrecht" in html
    assert "Österrike" in html
    assert upcoming.title in html
    assert past.title in html
    assert html.index("Kommande evenemang") < html.index(upcoming.title)
    assert html.index("Tidigare evenemang") < html.index(past.title)


def test_filters_by_kind_year_organisation_topic_and_format(client):
    osce = OrganisationFactory(name="OSCE")
    webinar = EventFactory(
        title="Webbinariet", online_url="https://example.org/m", venue="", city=""
    )
    workshop = EventFactory(
        title="Workshoppen", kind=Event.Kind.WORKSHOP, organisers=[osce], tags=["klimat"]
    )

    assert titles(client.get("/evenemang/?typ=workshop")) == [workshop.title]
    assert titles(client.get(f"/evenemang/?organisation={osce.slug}")) == [workshop.title]
    assert titles(client.get("/evenemang/?amne=klimat")) == [workshop.title]
    assert titles(client.get("/evenemang/?format=online")) == [webinar.title]
    assert titles(client.get("/evenemang/?format=pa-plats")) == [workshop.title]
    year = workshop.starts_at.year
    assert set(titles(client.get(f"/evenemang/?ar={year}"))) == {webinar.title, workshop.title}
    # The filter state is in the form, so the page can be bookmarked and shared.
    html = client.get("/evenemang/?typ=workshop").content.decode()
    assert '<option value="workshop" selected>' in html


def test_words_filter_the_list_in_date_order_with_the_other_filters(client):
    norway = OrganisationFactory(name="Sykehusinnkjøp HF")
    later = EventFactory(
        title="Leverantørdialog i Oslo",
        organisers=[norway],
        starts_at=timezone.now() + timedelta(days=20),
        ends_at=timezone.now() + timedelta(days=20, hours=2),
    )
    sooner = EventFactory(title="Webbinarium om medicinteknik", organisers=[norway])
    EventFactory(title="Workshop om textil", kind=Event.Kind.WORKSHOP)
    EventFactory(title="Hemlig leverantørdialog", status=Event.Status.DRAFT)

    assert titles(client.get("/evenemang/", {"q": "sykehusinnkjop"})) == [
        sooner.title,
        later.title,
    ]
    assert titles(client.get("/evenemang/", {"q": "Leverantordialog"})) == [later.title]
    assert titles(client.get("/evenemang/", {"q": "textil", "typ": "webinar"})) == []
    html = client.get("/evenemang/", {"q": "medicinteknik"}).content.decode()
    assert 'name="q" value="medicinteknik"' in html


def test_organiser_filter_offers_the_most_active_and_the_chosen_one(client, monkeypatch):
    monkeypatch.setattr("events.filters.ORGANISER_CHOICES", 1)
    busy, quiet = OrganisationFactory(name="Region Norr"), OrganisationFactory(name="Kommun Syd")
    EventFactory.create_batch(2, organisers=[busy])
    EventFactory(title="Det lilla", organisers=[quiet])

    def options(response):
        html = response.content.decode()
        select = re.search(r'<select name="organisation".*?</select>', html, re.S)
        return re.findall(r'<option value="([^"]*)"', select[0])

    assert options(client.get("/evenemang/")) == ["", busy.slug]
    # Chosen from the organisation's page or a shared link: offered, selected and filtered.
    response = client.get(f"/evenemang/?organisation={quiet.slug}")
    assert options(response) == ["", quiet.slug, busy.slug]
    assert f'<option value="{quiet.slug}" selected>' in response.content.decode()
    assert titles(response) == ["Det lilla"]


def test_unknown_filter_values_are_reported_not_crashed_on(client):
    EventFactory(title="Ett evenemang")

    response = client.get("/evenemang/?typ=finns-inte&ar=abc&organisation=nej&amne=x")

    assert response.status_code == 200


def test_past_events_by_year(client):
    old = EventFactory(
        title="År 2019",
        starts_at=datetime(2019, 3, 14, 10, tzinfo=STOCKHOLM),
        ends_at=datetime(2019, 3, 14, 12, tzinfo=STOCKHOLM),
    )
    EventFactory(
        title="År 2021",
        starts_at=datetime(2021, 3, 14, 10, tzinfo=STOCKHOLM),
        ends_at=datetime(2021, 3, 14, 12, tzinfo=STOCKHOLM),
    )

    response = client.get("/evenemang/tidigare/2019/")

    assert titles(response) == [old.title]
    assert response.context["years"] == [2021, 2019]
    assert '<time datetime="2019-03-14T10:00:00+01:00">14 mars 2019 kl. 10:00</time>' in (
        response.content.decode()
    )


@pytest.mark.parametrize("path", ["/evenemang/tidigare/0/", "/evenemang/tidigare/99999999/"])
def test_an_impossible_year_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_public_events_people_and_organisations_are_in_the_sitemap(client):
    participation = ParticipationFactory()

    sitemap = client.get("/sitemap.xml").content.decode()

    assert participation.event.get_absolute_url() in sitemap
    assert participation.person.get_absolute_url() in sitemap
    assert participation.person.organisation.get_absolute_url() in sitemap


def test_the_event_page_describes_the_event_for_search_engines(client):
    event = EventFactory(
        title="</script><script>alert(1)</script>",
        status=Event.Status.CANCELLED,
        online_url="https://example.org/m",
    )

    html = client.get(event.get_absolute_url()).content.decode()
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])

    assert data["name"] == event.title
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["startDate"] == event.local_starts_at.isoformat()


@pytest.mark.parametrize("topic", ["Tvångsarbete", "Sjöfart och ål", "Økologi", "Ærlig handel"])
def test_every_topic_link_of_an_event_leads_somewhere(client, settings, topic):
    """An event's topic links, the filtered list and its calendar all answer 200."""
    settings.SITE_URL = site = "http://testserver"  # calendar links are absolute
    event = EventFactory(title="Seminarium om leverantörskedjor", tags=[topic])

    page = client.get(event.get_absolute_url())
    html = page.content.decode()
    topic_links = [link for link in internal_links(html, site + "/") if "amne=" in link]
    assert topic_links
    for link in topic_links:
        listing = client.get(link, follow=True)
        assert listing.status_code == 200, link
        assert titles(listing) == [event.title]
        feeds = [
            link
            for link in internal_links(listing.content.decode(), site + link)
            if "kalender.ics" in link
        ]
        assert feeds, link
        for feed in feeds:
            assert client.get(feed, follow=True).status_code == 200, feed
