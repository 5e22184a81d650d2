"""An event's description, saved through the admin, keeps nothing that can run script."""

import re

import pytest
from django.urls import reverse

from events.models import Event
from tests.xss import PAYLOADS, dangerous_markup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_html_in_a_description_keeps_no_script(staff_client, client, payload):
    response = staff_client.post(
        reverse("admin:events_event_add"),
        {
            "title": "Leverantörsdialog",
            "slug": "leverantorsdialog",
            "kind": "supplier_dialogue",
            "status": "published",
            "summary": "Sammanfattning.",
            "description": f"<p>Före</p>{payload}<p>Efter</p>",
            "starts_at_0": "2030-03-10",
            "starts_at_1": "10:00:00",
            "ends_at_0": "2030-03-10",
            "ends_at_1": "12:00:00",
            "timezone": "Europe/Stockholm",
            "language": "sv",
            "participations-TOTAL_FORMS": "0",
            "participations-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, re.findall(
        r'class="errorlist[^>]*>(.*?)</ul>', response.content.decode(), re.S
    )

    html = client.get(Event.objects.get(slug="leverantorsdialog").get_absolute_url()).content
    main = re.search(r"<main\b.*?</main>", html.decode(), re.DOTALL)[0]
    assert "Före" in main
    assert "Efter" in main
    assert dangerous_markup(main) == []
