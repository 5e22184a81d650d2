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


def test_autocompletes_offer_only_the_chosen_and_a_box_to_type_a_name(staff_client):
    """With 10,000 people, a select of everyone in every row took half a minute to render."""
    speaker = PersonFactory(name="Lena Persson Hallberg")
    moderator = PersonFactory(name="Ingrid Falk")
    osce = OrganisationFactory(name="OSCE")
    event = EventFactory(organisers=[osce])
    ParticipationFactory(event=event, person=speaker)

    html = staff_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    chosen = re.search(
        r'<select name="participations-0-person".*?</select>', html, re.DOTALL
    ).group()

    assert f'<option value="{speaker.pk}" selected>Lena Persson Hallberg</option>' in chosen
    assert moderator.name not in html
    assert "admin-autocomplete" in chosen  # With JavaScript, the search box.
    # Without it, a box to type a name in, which JavaScript never shows.
    assert re.search(
        r'<noscript>\s*<label for="id_participations-1-person__name">Eller skriv ett namn</label>'
        r'\s*<input type="text" name="participations-1-person__name"',
        html,
    )


def event_form(event, **fields):
    """The event's change form as the browser posts it, with ``fields`` changed."""
    data = {
        "title": event.title,
        "kind": event.kind,
        "status": event.status,
        "summary": event.summary,
        "description": event.description,
        "starts_at_0": event.local_starts_at.strftime("%Y-%m-%d"),
        "starts_at_1": event.local_starts_at.strftime("%H:%M:%S"),
        "ends_at_0": event.local_ends_at.strftime("%Y-%m-%d"),
        "ends_at_1": event.local_ends_at.strftime("%H:%M:%S"),
        "timezone": event.timezone,
        "country": event.country.code,
        "language": event.language,
        "tags": "",
        "participations-TOTAL_FORMS": "1",
        "participations-INITIAL_FORMS": "0",
        "participations-0-role": "speaker",
        "participations-0-order": "0",
    }
    return data | fields


def test_without_javascript_a_typed_name_chooses_the_person_and_organisers(staff_client):
    kari = PersonFactory(name="Kari Høyland", slug="kari-hoyland")
    hospitals = OrganisationFactory(name="Sykehusinnkjøp HF", slug="sykehusinnkjop-hf")
    osce = OrganisationFactory(name="OSCE", slug="osce")
    event = EventFactory(title="Leverantørdialog i Oslo", organisers=[osce])
    url = f"/admin/events/event/{event.pk}/change/"

    response = staff_client.post(
        url,
        event_form(
            event,
            organisers=[osce.pk],
            organisers__name="sykehusinnkjøp hf",
            **{"participations-0-person__name": "KARI HØYLAND"},
        ),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert list(event.participants.all()) == [kari]
    assert set(event.organisers.all()) == {osce, hospitals}


def test_a_typed_name_that_is_missing_or_shared_is_explained_and_nothing_is_saved(staff_client):
    PersonFactory(name="Kari Høyland", slug="kari-hoyland")
    PersonFactory(name="Kari Høyland", slug="kari-hoyland-2")
    event = EventFactory(title="Leverantørdialog i Oslo")
    url = f"/admin/events/event/{event.pk}/change/"

    unknown = staff_client.post(
        url, event_form(event, title="Ändrad", **{"participations-0-person__name": "Ola Nordmann"})
    )
    shared = staff_client.post(
        url, event_form(event, **{"participations-0-person__name": "Kari Høyland"})
    )
    by_address = staff_client.post(
        url, event_form(event, **{"participations-0-person__name": "kari-hoyland-2"})
    )

    assert "Ingen person heter ”Ola Nordmann”" in unknown.content.decode()
    assert "kari-hoyland, kari-hoyland-2" in shared.content.decode()
    assert by_address.status_code == 302
    event.refresh_from_db()
    assert event.title == "Leverantørdialog i Oslo"
    assert list(event.participants.values_list("slug", flat=True)) == ["kari-hoyland-2"]
