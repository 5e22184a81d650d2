"""What readers and editors do on the site, start to finish, in a real browser.

A reader's journey runs four times: with JavaScript on and off, on a phone
(360 px) and on a desktop (1280 px). An editor's runs twice, with JavaScript at
one width and without it at the other: staff work in the admin at a desktop
with JavaScript, and it must still work without JavaScript and on a phone. Which
width has JavaScript alternates between the editor's journeys, so that together
they walk all four. Steps find things the way a person does: by role and visible
name, in Swedish.
"""

import re
import time
import zoneinfo
from datetime import datetime, timedelta
from datetime import time as dt_time
from pathlib import Path
from urllib.parse import quote

import feedparser
import icalendar
import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect
from taggit.models import Tag

from articles.models import Article
from events.models import Event, Person
from newsletter.models import Subscriber
from secretariat.models import Page

from .conftest import DESKTOP, PHONE, axe_violations, format_violations, log_in

VARIANTS = {
    "js-phone": (True, PHONE),
    "js-desktop": (True, DESKTOP),
    "nojs-phone": (False, PHONE),
    "nojs-desktop": (False, DESKTOP),
}


def variants(*names):
    """Run a journey with JavaScript on or off, at a width, as each name says."""
    return pytest.mark.parametrize(
        ("js", "width"), [pytest.param(*VARIANTS[name], id=name) for name in names]
    )


journey = variants(*VARIANTS)


def fill_rich_text(page, field, text, js):
    """Write a paragraph in the admin's rich text editor.

    With JavaScript the editor is a ProseMirror area to type in; without it the
    field is the plain textarea behind it, which takes HTML.
    """
    if js:
        page.locator(f".field-{field} [contenteditable=true]").click()
        page.keyboard.type(text)
    else:
        page.locator(f"#id_{field}").fill(f"<p>{text}</p>")


@journey
def test_reader_finds_news_search_and_the_accessibility_statement(open_page, site, js, width):
    page = open_page("/", width=width, js=js).page
    expect(page).to_have_title("Nationella kansliet för hållbar upphandling")
    feed = page.locator('head link[rel="alternate"][type="application/rss+xml"]')
    expect(feed).to_have_attribute("href", "/aktuellt/rss/")

    page.get_by_role("contentinfo").get_by_role("link", name="Tillgänglighetsredogörelse").click()
    expect(page).to_have_url(site.url + "/tillganglighet/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tillgänglighetsredogörelse")

    menu = page.get_by_role("navigation", name="Huvudmeny")
    menu.get_by_role("link", name="Aktuellt").click()
    expect(page).to_have_url(site.url + "/aktuellt/")
    expect(menu.get_by_role("link", name="Aktuellt")).to_have_attribute("aria-current", "page")

    page.get_by_role("searchbox", name="Sök på webbplatsen").fill("upphandling")
    page.get_by_role("button", name="Sök", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/sok/\?q=upphandling$"))
    expect(
        page.get_by_role("heading", level=2, name=re.compile(r"^Nyheter \(\d+\)"))
    ).to_be_visible()

    page.get_by_role("link", name="Nationella kansliet för hållbar upphandling").first.click()
    expect(page).to_have_url(site.url + "/")


SWEDISH_MONTHS = [
    "Januari",
    "Februari",
    "Mars",
    "April",
    "Maj",
    "Juni",
    "Juli",
    "Augusti",
    "September",
    "Oktober",
    "November",
    "December",
]


def feed_titles(page, url):
    """The entry titles of the feed at ``url``, fetched as a feed reader would."""
    response = page.request.get(url)
    assert response.ok, f"{url} answered {response.status}"
    assert "xml" in response.headers["content-type"]
    return [entry.title for entry in feedparser.parse(response.body()).entries]


@journey
def test_reader_follows_the_news_to_a_tag_the_archive_search_and_the_feed(
    open_page, site, js, width
):
    page = open_page("/", width=width, js=js).page
    news = page.get_by_role("region", name="Senaste nytt")
    first = news.get_by_role("heading", level=3).first.get_by_role("link")
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    published = page.locator("article header time").first.get_attribute("datetime")
    year, month = int(published[:4]), int(published[5:7])
    article_url = page.url

    tag_link = page.get_by_role("list", name="Ämnen").get_by_role("link").first
    tag = tag_link.inner_text()
    tag_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Aktuellt om {tag}")
    expect(page.get_by_role("link", name=title)).to_be_visible()
    follow = page.get_by_role("link", name="Följ ämnet (RSS)").get_attribute("href")
    assert title in feed_titles(page, follow)

    page.goto("/")
    page.get_by_role("region", name="Senaste nytt").get_by_role("link", name="Arkiv").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Arkiv")
    page.get_by_role("region", name=re.compile(str(year))).get_by_role(
        "link", name=SWEDISH_MONTHS[month - 1], exact=True
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(str(year))
    page.get_by_role("link", name=title).click()
    expect(page).to_have_url(article_url)

    word = max(re.findall(r"\w+", title), key=len)
    page.get_by_role("searchbox", name="Sök på webbplatsen").fill(word)
    page.get_by_role("button", name="Sök", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/sok/\?q="))
    kinds = page.get_by_role("navigation", name="Typ av innehåll")
    kinds.get_by_role("link", name=re.compile(r"^Nyheter")).click()
    expect(page).to_have_url(re.compile(r"typ=nyheter"))
    expect(page.get_by_role("main").get_by_role("link", name=title)).to_be_visible()

    page.goto("/")
    feed = page.locator('head link[rel="alternate"][type="application/rss+xml"]')
    assert title in feed_titles(page, feed.get_attribute("href"))


def article_by_a_speaker():
    """A published article whose author belongs to an organisation and speaks at events."""
    article = (
        Article.objects.published()
        .filter(
            authors__organisation__isnull=False,
            authors__participations__event__in=Event.objects.published(),
        )
        .first()
    )
    author = article.authors.filter(
        organisation__isnull=False, participations__event__in=Event.objects.published()
    ).first()
    return article.get_absolute_url(), article.title, author.name, author.organisation.name


@journey
def test_reader_goes_from_a_byline_to_the_author_and_their_organisation(
    open_page, site, server_orm, js, width
):
    path, title, author, organisation = server_orm(article_by_a_speaker)
    page = open_page(path, width=width, js=js).page

    page.locator("article header").get_by_role("link", name=author).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(author)
    articles = page.get_by_role("region", name="Artiklar")
    expect(articles.get_by_role("link", name=title)).to_be_visible()
    expect(page.get_by_role("region", name="Evenemang").get_by_role("link").first).to_be_visible()

    page.get_by_role("main").get_by_role("link", name=organisation).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(organisation)


@journey
def test_reader_who_mistypes_an_address_finds_the_way_back(open_page, site, js, width):
    visit = open_page("/aktuelt/", width=width, js=js)
    assert visit.response.status == 404
    page = visit.page
    expect(page.get_by_role("heading", level=1)).to_have_text("Sidan finns inte")

    page.get_by_role("main").get_by_role("link", name="Läs de senaste nyheterna").click()
    expect(page).to_have_url(site.url + "/aktuellt/")


def fill_title_and_address(page, title, slug):
    """An admin form's title, then its address (with JavaScript, filled in from the title
    once the title field is left: the editor's own address replaces it)."""
    page.get_by_label("Rubrik").fill(title)
    page.get_by_label("Rubrik").press("Tab")
    page.get_by_label("Webbadress").fill(slug)


@variants("js-desktop", "nojs-phone")
def test_editor_publishes_a_page_in_the_admin(open_page, site, server_orm, editor, js, width):
    slug = f"om-kansliet-{'js' if js else 'utan-js'}-{width}"
    page = open_page("/", width=width, js=js).page
    log_in(page, editor)

    page.goto("/admin/secretariat/page/add/")
    fill_title_and_address(page, "Om kansliet", slug)
    page.get_by_label("Ingress").fill("Vilka vi är och vad vi gör.")
    fill_rich_text(page, "body", "Kansliet samordnar regionernas arbete.", js)
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Om kansliet")

    page.goto(f"/{slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Om kansliet")
    expect(page.get_by_text("Vilka vi är och vad vi gör.")).to_be_visible()
    expect(page.get_by_text("Kansliet samordnar regionernas arbete.")).to_be_visible()
    published = server_orm(lambda: Page.objects.published().filter(slug=slug).exists())
    assert published


def assert_accessible(page, js):
    """axe-core on a step of a journey (it needs JavaScript in the page to run)."""
    if js:
        violations = axe_violations(page)
        assert not violations, f"At {page.url}:\n" + format_violations(violations)


def mail_to(smtp, address, count=1, timeout=20):
    """The messages sent to ``address``, once there are ``count`` (a worker sends them)."""
    deadline = time.monotonic() + timeout
    while len(messages := smtp.to(address)) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(messages) >= count, f"{len(messages)} emails, not {count}, reached {address}"
    return messages


def link_after(text, label):
    return re.search(re.escape(label) + r"\s*(http\S+)", text).group(1)


@journey
def test_subscriber_signs_up_confirms_from_the_email_and_unsubscribes(
    open_page, site, server_orm, js, width
):
    address = f"prenumerant-{'js' if js else 'utan-js'}-{width}@example.org"
    page = open_page("/", width=width, js=js).page
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Nyhetsbrev").click()

    page.get_by_role("button", name="Prenumerera").click()
    email = page.get_by_label("E-postadress")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_accessible_description(re.compile("e-postadress", re.IGNORECASE))
    assert_accessible(page, js)

    email.fill(address)
    page.get_by_label("Namn (frivilligt)").fill("Kim Prenumerant")
    page.get_by_role("checkbox", name=re.compile("Jag vill få nyhetsbrevet")).check()
    page.get_by_role("button", name="Prenumerera").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kolla din inkorg")

    confirmation = mail_to(site.server.smtp, address)[0]
    text = confirmation.get_body(("plain",)).get_content()
    page.goto(link_after(text, "Öppna länken och tryck på knappen för att bekräfta:"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Bekräfta din prenumeration")
    assert_accessible(page, js)
    page.get_by_role("button", name="Bekräfta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Du prenumererar nu")

    welcome = mail_to(site.server.smtp, address, count=2)[1]
    text = welcome.get_body(("plain",)).get_content()
    page.goto(link_after(text, "Avsluta prenumerationen:"))
    assert_accessible(page, js)
    page.get_by_role("button", name="Avsluta prenumerationen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Du har avslutat prenumerationen")
    status = server_orm(lambda: Subscriber.objects.get(email=address).status)
    assert status == Subscriber.Status.UNSUBSCRIBED


@variants("js-phone", "nojs-desktop")
def test_editor_writes_previews_and_publishes_an_article(
    open_page, site, editor_storage, tmp_path, js, width
):
    variant = f"{'js' if js else 'utan-js'}-{width}"
    title = f"Nya krav på arbetskläder ({variant})"
    tag = f"arbetskläder {variant}"
    picture = tmp_path / "tvatteri.jpg"
    Image.new("RGB", (1200, 800), (40, 110, 90)).save(picture, "JPEG")
    page = open_page(
        "/admin/articles/article/add/", width=width, js=js, storage_state=editor_storage
    ).page
    fill_title_and_address(page, title, f"nya-krav-pa-arbetsklader-{variant}")
    page.get_by_label("Ingress").fill("Regionerna ställer krav på hela leveranskedjan.")
    fill_rich_text(page, "body", "Kraven gäller från nästa år.", js)
    page.get_by_label("Ämnen").fill(f'"{tag}", textil')
    page.locator("input[type=file][name=image]").set_input_files(picture)
    page.get_by_label("Bildbeskrivning").fill("Arbetskläder som hänger på tork i ett tvätteri.")
    page.get_by_role("button", name="Spara och fortsätt redigera").click()
    expect(page.locator(".messagelist")).to_contain_text(title)

    page.goto("/admin/articles/article/?q=" + quote(title))
    page.get_by_role("link", name="Förhandsvisa").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("img", name="Arbetskläder som hänger på tork")).to_be_visible()
    page.go_back()
    page.get_by_role("link", name=title).click()
    page.get_by_label("Status").select_option(label="Publicerad")
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text(title)

    page.goto("/")
    news = page.get_by_role("region", name="Senaste nytt")
    news.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    page.get_by_role("list", name="Ämnen").get_by_role("link", name=tag).click()
    expect(page.get_by_role("link", name=title)).to_be_visible()
    assert title in feed_titles(page, "/aktuellt/rss/")


def choose_in_autocomplete(page, select, name, js):
    """Choose ``name`` in an admin autocomplete: a search box with JavaScript; without it,
    the name typed in the box beside the select."""
    if js:
        page.locator(f"{select} + .select2 .select2-selection").click()
        page.locator(".select2-container--open .select2-search__field").fill(name)
        page.locator(".select2-results__option", has_text=name).first.click()
        expect(page.locator(select)).to_have_value(re.compile(r"^\d+$"))
    else:
        page.locator(f"{select}__name").fill(name)


@variants("js-desktop", "nojs-phone")
def test_editor_creates_an_event_with_participants_and_a_reader_adds_it_to_a_calendar(
    open_page, site, server_orm, editor_storage, js, width
):
    variant = f"{'js' if js else 'utan-js'}-{width}"
    title = f"Leverantörsdialog om livsmedel ({variant})"
    speaker, moderator = server_orm(
        lambda: list(Person.objects.order_by("name").values_list("name", flat=True)[:2])
    )
    stockholm = zoneinfo.ZoneInfo("Europe/Stockholm")
    day = timezone.localdate(timezone=stockholm) + timedelta(days=1)
    starts = datetime.combine(day, dt_time(9, 30), tzinfo=stockholm)
    ends = datetime.combine(day, dt_time(12, 0), tzinfo=stockholm)
    page = open_page(
        "/admin/events/event/add/", width=width, js=js, storage_state=editor_storage
    ).page
    fill_title_and_address(page, title, f"leverantorsdialog-om-livsmedel-{variant}")
    page.locator("#id_kind").select_option("supplier_dialogue")
    page.get_by_label("Sammanfattning").fill("Hur regionerna kan köpa mer hållbar mat.")
    for field, moment in (("starts_at", starts), ("ends_at", ends)):
        page.locator(f"#id_{field}_0").fill(moment.strftime("%Y-%m-%d"))
        page.locator(f"#id_{field}_1").fill(moment.strftime("%H:%M"))
    page.locator("#id_venue").fill("Regionens hus")
    choose_in_autocomplete(page, "#id_participations-0-person", speaker, js)
    page.get_by_role("button", name="Spara och fortsätt redigera").click()
    expect(page.locator(".messagelist")).to_contain_text(title)
    # The saved participant shows as chosen; a new row takes the next one.
    expect(page.locator("#id_participations-0-person option:checked")).to_have_text(speaker)
    choose_in_autocomplete(page, "#id_participations-1-person", moderator, js)
    page.locator("#id_participations-1-role").select_option("moderator")
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text(title)

    page.goto("/admin/events/event/?q=" + quote(title))
    page.locator("input.action-select").check()
    page.locator("select[name=action]").select_option(label="Publicera de valda evenemangen")
    page.get_by_role("button", name="Kör").click()
    expect(page.locator(".messagelist")).to_contain_text("1 evenemang publicerat")

    page.goto("/")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Evenemang").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kommande evenemang")
    page.get_by_role("main").get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    participants = page.get_by_role("region", name="Medverkande")
    expect(participants.get_by_role("link", name=speaker)).to_be_visible()
    expect(participants.get_by_role("link", name=moderator)).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Lägg till i kalender").click()
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == title
    assert event.decoded("DTSTART") == starts
    assert event.decoded("DTEND") == ends


def test_editor_is_offered_existing_tags_and_told_which_are_new(
    open_page, site, server_orm, editor_storage
):
    existing = server_orm(lambda: Tag.objects.order_by("name").values_list("name", flat=True)[0])
    page = open_page(
        "/admin/articles/article/add/", width=DESKTOP, js=True, storage_state=editor_storage
    ).page
    tags = page.get_by_label("Ämnen")

    tags.fill(existing[:4])
    expect(page.locator(f'#id_tags-suggestions option[value="{existing}"]')).to_have_count(1)
    tags.fill(f"{existing}, Leverantørdialog i Oslo")
    tags.blur()
    expect(page.locator("#id_tags-suggestions-new")).to_have_text(
        "Nya ämnen, skapas när du sparar: Leverantørdialog i Oslo"
    )
