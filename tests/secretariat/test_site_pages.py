"""Pages staff write in the admin get addresses of their own, never one the site uses."""

import pytest

from secretariat.models import Page


def add_page(staff_client, slug):
    return staff_client.post(
        "/admin/secretariat/page/add/",
        {
            "title": "Sökhjälp för Ærø",
            "slug": slug,
            "intro": "",
            "body": "<p>Text</p>",
            "is_published": "on",
        },
    )


@pytest.mark.parametrize("slug", ["sok", "aktuellt", "evenemang", "admin", "healthz"])
def test_an_address_of_another_part_of_the_site_is_refused_with_a_reason(staff_client, slug):
    response = add_page(staff_client, slug)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["slug"] == [
        "Adressen tillhör en annan del av webbplatsen. Välj en annan."
    ]
    assert not Page.objects.filter(slug=slug).exists()


def test_a_free_address_gives_a_page_there(staff_client, client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert add_page(staff_client, "sokhjalp-aero").status_code == 302

    page = client.get("/sokhjalp-aero/")

    assert page.status_code == 200
    assert "Sökhjälp för Ærø" in page.text
