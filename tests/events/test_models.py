"""The model's own rules: addresses, calendar revisions and the database's constraints."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction

from events.models import Event, Person

from .factories import EventFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_slugs_are_made_from_the_title_and_stay_unique():
    first = EventFactory(title="Leverantörsdialog om textil")
    second = EventFactory(title="Leverantörsdialog om textil")

    assert first.slug == "leverantorsdialog-om-textil"
    assert second.slug == "leverantorsdialog-om-textil-2"


def test_a_title_that_would_take_a_fixed_path_gets_another_address():
    event = EventFactory(title="Tidigare")

    assert event.slug == "tidigare-2"
    assert event.get_absolute_url() == "/evenemang/tidigare-2/"


def test_the_database_refuses_a_reserved_slug():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(slug="tidigare")


def test_people_and_organisations_get_addresses_from_their_names():
    person = PersonFactory(name="Åsa Öberg", organisation=OrganisationFactory(name="Region Skåne"))

    assert person.slug == "asa-oberg"
    assert person.organisation.slug == "region-skane"
    assert person.affiliation == "Adviser, " + person.organisation.short_name


def test_moving_or_cancelling_raises_the_calendar_sequence_other_edits_do_not():
    event = EventFactory()
    event = Event.objects.get(pk=event.pk)

    event.summary = "Ny sammanfattning"
    event.save()
    assert event.sequence == 0

    event.starts_at += timedelta(days=1)
    event.ends_at += timedelta(days=1)
    event.save()
    assert Event.objects.get(pk=event.pk).sequence == 1

    event.status = Event.Status.CANCELLED
    event.save(update_fields=["status"])
    assert Event.objects.get(pk=event.pk).sequence == 2


def test_an_event_cannot_end_before_it_starts():
    event = EventFactory.build()
    event.ends_at = event.starts_at - timedelta(minutes=1)

    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()


def test_an_image_needs_a_description_unless_decorative():
    # A stored picture's renditions are already described, so none are made here.
    event = EventFactory(
        image="events/x.jpg",
        image_renditions={"source": "events/x.jpg"},
        image_alt="Deltagare vid ett bord",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(image_alt="")

    Event.objects.filter(pk=event.pk).update(image_alt="", image_decorative=True)


def test_a_photo_needs_a_description():
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(
            name="Utan alt", photo="people/x.jpg", photo_renditions={"source": "people/x.jpg"}
        )


def test_teaser_falls_back_to_the_description_as_plain_text():
    event = EventFactory(summary="", description="<p>Första stycket.</p><ul><li>En punkt</li></ul>")

    assert event.teaser == "Första stycket. En punkt"
    assert EventFactory(summary="Kort.").teaser == "Kort."
