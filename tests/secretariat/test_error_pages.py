"""The error pages are pages of the site: Swedish, in its layout, with a way home.

Each is asked for the way a visitor meets it: 400 from a request the site cannot
read, 403 from a form without its CSRF token, 404, 429 from a login lockout,
500 from an error in a view (tests/error_urls.py), and 503 with the database
really unreachable.
"""

import pytest
from django.conf import settings as django_settings
from django.test import Client

pytestmark = pytest.mark.django_db

WAY_HOME = '<a href="/">Gå till startsidan</a>'


def assert_site_page(response, status, heading):
    html = response.content.decode()
    assert response.status_code == status, html[:500]
    assert '<html lang="sv">' in html
    assert f"<h1>{heading}</h1>" in html
    assert WAY_HOME in html
    assert 'class="site-header"' in html  # the site's layout, not a bare page
    assert django_settings.CONTACT_EMAIL in html  # the footer


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def test_400_for_a_request_the_site_cannot_read():
    query = "&".join(f"amne=a{number}" for number in range(1200))  # over Django's 1,000 fields

    response = Client(raise_request_exception=False).get(f"/aktuellt/?{query}")

    assert_site_page(response, 400, "Felaktig förfrågan")


def test_403_for_a_form_sent_without_its_token():
    response = Client(enforce_csrf_checks=True).post(
        "/admin/login/", {"username": "åsa", "password": "fel"}
    )

    assert_site_page(response, 403, "Åtkomst nekad")
    assert "ladda om sidan och skicka formuläret igen" in response.content.decode()


def test_403_for_a_page_one_may_not_see(settings):
    settings.ROOT_URLCONF = "tests.error_urls"

    response = Client(raise_request_exception=False).get("/fel/403/")

    assert_site_page(response, 403, "Åtkomst nekad")
    assert "Du har inte tillgång till den här sidan" in response.content.decode()


def test_404_for_an_address_that_leads_nowhere(client):
    assert_site_page(client.get("/sidan-finns-inte-ø/"), 404, "Sidan finns inte")


def test_429_for_a_login_lockout(client, settings, django_user_model):
    django_user_model.objects.create_user("åsa", "asa@example.org", "rätt", is_staff=True)
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        response = client.post("/admin/login/", {"username": "åsa", "password": "fel"})

    assert_site_page(response, 429, "Inloggningen är tillfälligt spärrad")
    assert response["Retry-After"]


def test_500_for_an_error_in_the_site(settings):
    settings.ROOT_URLCONF = "tests.error_urls"

    response = Client(raise_request_exception=False).get("/fel/500/")

    assert_site_page(response, 500, "Tekniskt fel")


@pytest.mark.django_db(transaction=True)
def test_503_while_the_database_does_not_answer(database_away):
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "a-staff-members-session"  # reading it would need the database
    with database_away():
        response = client.get("/aktuellt/")

    assert_site_page(response, 503, "Tillfälligt otillgänglig")
    assert response["Retry-After"] == "10"
