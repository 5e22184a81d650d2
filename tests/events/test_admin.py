"""The staff's admin: lists, filters, actions, copying events and merging people."""

import re

import pytest
from django.apps import apps
from django.utils import timezone

from events.models import Event, Participation, Person
from tests.factories import EventFactory, OrganisationFactory, ParticipationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_event_pages_of_the_admin_open_with_filters_and_search(staff_client):
    osce = OrganisationFactory(name="OSCE")
    event = EventFactory(title="Workshop i Wien", organisers=[osce], tags=["klimat"])
    ParticipationFactory(event=event)

    changelist = staff_client.get(
        "/admin/events/event/",
        {"q": "Wien", "kind__exact": "webinar", "status__exact": "published"},
    )
    change = staff_client.get(f"/admin/events/event/{event.pk}/change/")
    year = staff_client.get("/admin/events/event/", {"year": str(event.starts_at.year)})

    assert changelist.status_code == 200
    assert "Workshop i Wien" in changelist.content.decode()
    assert change.status_code == 200
    assert year.status_code == 200
    assert staff_client.get("/admin/events/event/add/").status_code == 200
    autocomplete = staff_client.get(
        "/admin/autocomplete/",
        {"term": "OSC", "app_label": "events", "model_name": "event", "field_name": "organisers"},
    )
    assert autocomplete.json()["results"][0]["text"] == "OSCE"


def test_a_published_events_address_is_read_only(staff_client):
    event = EventFactory()

    html = staff_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()

    assert 'name="slug"' not in html


def test_publish_and_cancel_actions_raise_the_calendar_sequence(staff_client):
    draft = EventFactory(status=Event.Status.DRAFT)
    published = EventFactory()

    staff_client.post("/admin/events/event/", {"action": "publish", "_selected_action": [draft.pk]})
    staff_client.post(
        "/admin/events/event/", {"action": "cancel", "_selected_action": [published.pk]}
    )

    draft.refresh_from_db()
    published.refresh_from_db()
    assert (draft.status, draft.sequence) == (Event.Status.PUBLISHED, 1)
    assert (published.status, published.sequence) == (Event.Status.CANCELLED, 1)


def test_copy_makes_a_draft_with_the_same_people_and_organisers(staff_client):
    osce = OrganisationFactory()
    event = EventFactory(title="Årlig workshop", organisers=[osce], tags=["klimat"])
    ParticipationFactory(event=event, role=Participation.Role.HOST)

    response = staff_client.post(
        "/admin/events/event/", {"action": "copy", "_selected_action": [event.pk]}
    )

    copy = Event.objects.exclude(pk=event.pk).get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/events/event/{copy.pk}/change/"
    assert copy.status == Event.Status.DRAFT
    assert copy.title == "Kopia av Årlig workshop"
    assert copy.slug == "kopia-av-arlig-workshop"
    assert list(copy.organisers.all()) == [osce]
    assert list(copy.tags.names()) == ["klimat"]
    assert list(copy.participations.values_list("role", flat=True)) == ["host"]


def test_merging_people_moves_participations_and_authorships(staff_client):
    keep = PersonFactory(name="Irina Kovalenko", bio="")
    duplicate = PersonFactory(name="I. Kovalenko", bio="Arbetar i Wien.")
    event = EventFactory()
    other_event = EventFactory()
    ParticipationFactory(event=event, person=keep)
    ParticipationFactory(event=event, person=duplicate)  # the same role twice becomes once
    ParticipationFactory(event=other_event, person=duplicate, role=Participation.Role.MODERATOR)
    article = apps.get_model("articles", "Article").objects.create(
        title="Rapport", slug="rapport", lead="x", published_at=timezone.now()
    )
    article.authors.set([duplicate])
    url = "/admin/events/person/"
    selected = {"action": "merge", "_selected_action": [keep.pk, duplicate.pk]}

    confirm = staff_client.post(url, selected)
    done = staff_client.post(url, selected | {"keep": keep.pk})

    assert "Vem ska behållas" in confirm.content.decode()
    assert done.status_code == 302
    assert list(Person.objects.all()) == [keep]
    keep.refresh_from_db()
    assert keep.bio == "Arbetar i Wien."
    assert sorted(keep.participations.values_list("event_id", "role")) == sorted(
        [(event.pk, "speaker"), (other_event.pk, "moderator")]
    )
    assert list(article.authors.all()) == [keep]


def test_person_and_organisation_admins_search(staff_client):
    PersonFactory(name="Aisha Rahman", organisation=OrganisationFactory(name="ILO"))

    people = staff_client.get("/admin/events/person/", {"q": "ILO"})
    organisations = staff_client.get("/admin/events/organisation/", {"q": "ILO"})

    assert "Aisha Rahman" in people.content.decode()
    assert "ILO" in organisations.content.decode()


def test_autocompletes_list_every_choice_for_editors_without_javascript(staff_client):
    """The search box needs JavaScript; the select under it offers everyone without it."""
    speaker = PersonFactory(name="Lena Persson Hallberg")
    moderator = PersonFactory(name="Ingrid Falk")
    osce = OrganisationFactory(name="OSCE")
    event = EventFactory(organisers=[osce])
    ParticipationFactory(event=event, person=speaker)

    html = staff_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    chosen = re.search(
        r'<select name="participations-0-person".*?</select>', html, re.DOTALL
    ).group()
    new_row = re.search(
        r'<select name="participations-1-person".*?</select>', html, re.DOTALL
    ).group()
    organisers = re.search(r'<select name="organisers".*?</select>', html, re.DOTALL).group()

    assert f'<option value="{speaker.pk}" selected>Lena Persson Hallberg</option>' in chosen
    assert f'<option value="{moderator.pk}">Ingrid Falk</option>' in chosen
    assert f'<option value="{moderator.pk}">Ingrid Falk</option>' in new_row
    assert "admin-autocomplete" in new_row  # With JavaScript, still the search box.
    assert f'<option value="{osce.pk}" selected>OSCE</option>' in organisers
