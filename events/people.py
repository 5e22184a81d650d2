"""Finding people and organisations by name, shared by the event and article imports.

People are matched by name (case-insensitively): the same speaker in ten files is one
person. A given title or organisation updates the person, since the newest file is
usually the most accurate; absent ones leave what is there.
"""

from django.db import transaction

from .models import Organisation, Participation, Person


def find_or_create_organisation(name):
    name = " ".join(name.split())
    organisation = Organisation.objects.filter(name__iexact=name).first()
    if organisation is None:
        organisation = Organisation.objects.create(name=name)
    return organisation


def find_or_create_person(name, *, title=None, organisation=None):
    """The person of that name, made if missing; title and organisation updated if given.

    organisation may be an `Organisation` or a name.
    """
    name = " ".join(name.split())
    if isinstance(organisation, str):
        organisation = find_or_create_organisation(organisation) if organisation.strip() else None
    person = Person.objects.filter(name__iexact=name).order_by("pk").first()
    if person is None:
        return Person.objects.create(name=name, title=title or "", organisation=organisation)
    changed = []
    if title is not None and title != person.title:
        person.title = title
        changed.append("title")
    if organisation is not None and organisation.pk != person.organisation_id:
        person.organisation = organisation
        changed.append("organisation")
    if changed:
        person.save(update_fields=changed)
    return person


@transaction.atomic
def merge_people(keep, duplicates):
    """Make duplicates of a person one: their participations and authorships move to keep.

    A role the kept person already has at an event is not doubled. Empty fields of the
    kept person are filled from the duplicates. The duplicates are then deleted.
    """
    duplicates = [person for person in duplicates if person.pk != keep.pk]
    for duplicate in duplicates:
        for participation in duplicate.participations.all():
            if Participation.objects.filter(
                event_id=participation.event_id, person=keep, role=participation.role
            ).exists():
                participation.delete()
            else:
                participation.person = keep
                participation.save(update_fields=["person"])
        for authorship in duplicate.authorships.all():
            if keep.authorships.filter(article_id=authorship.article_id).exists():
                authorship.delete()
            else:
                authorship.person = keep
                authorship.save(update_fields=["person"])
        for field in ("title", "organisation", "bio", "photo", "photo_alt"):
            if not getattr(keep, field) and getattr(duplicate, field):
                setattr(keep, field, getattr(duplicate, field))
        duplicate.delete()
    keep.save()
    return keep
