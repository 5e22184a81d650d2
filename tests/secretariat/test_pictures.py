"""The picture fields articles, heroes, events and people share
(secretariat/media/models.py): a shown picture is described, in the database too."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from articles.models import Hero
from tests.factories import ArticleFactory, EventFactory, PersonFactory

pytestmark = pytest.mark.django_db

PICTURED = [
    pytest.param(ArticleFactory, "image", "Beskriv bilden, eller markera den som dekorativ.", True),
    pytest.param(EventFactory, "image", "Beskriv bilden, eller markera den som dekorativ.", True),
    pytest.param(PersonFactory, "photo", "Beskriv fotot.", False),
]


@pytest.mark.parametrize(("factory", "field", "message", "may_be_decorative"), PICTURED)
def test_a_picture_without_a_description_is_refused_with_a_message(
    factory, field, message, may_be_decorative
):
    thing = factory.build(**{field: "bilder/åäö.jpg", f"{field}_alt": ""})
    with translation.override("sv"), pytest.raises(ValidationError) as refused:
        thing.validate_constraints()
    assert message in refused.value.messages

    saved = factory()
    with pytest.raises(IntegrityError), transaction.atomic():
        type(saved).objects.filter(pk=saved.pk).update(**{field: "bilder/åäö.jpg"})

    if may_be_decorative:
        # Decoration needs no description.
        type(saved).objects.filter(pk=saved.pk).update(
            **{field: "bilder/åäö.jpg", f"{field}_decorative": True}
        )
    described = {field: "bilder/åäö.jpg", f"{field}_alt": "Två personer vid ett bord i Malmö."}
    assert type(saved).objects.filter(pk=saved.pk).update(**described) == 1


def test_the_hero_picture_without_a_description_is_decoration():
    hero = Hero.objects.create(heading="Puff", text="Text.")
    assert Hero.objects.filter(pk=hero.pk).update(image="bilder/puff.jpg") == 1
