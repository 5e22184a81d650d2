"""Factories for articles and the people who write them."""

from datetime import timedelta

import factory
from django.utils import timezone

from articles.models import Article, Authorship
from events.models import Event, Organisation, Person


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Författare {n}")
    slug = factory.Sequence(lambda n: f"forfattare-{n}")
    title = "Hållbarhetsstrateg"
    organisation = factory.SubFactory(OrganisationFactory)
    bio = "Arbetar med uppföljning av leverantörer."


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Workshop {n}")
    slug = factory.Sequence(lambda n: f"workshop-{n}")
    kind = Event.Kind.WORKSHOP
    status = Event.Status.PUBLISHED
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=2))


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Nyhet nummer {n}")
    slug = factory.Sequence(lambda n: f"nyhet-{n}")
    lead = "En kort ingress om hållbar upphandling."
    body = "<p>Regionerna följer upp leverantörer av medicinska handskar.</p>"
    status = Article.Status.PUBLISHED
    published_at = factory.Sequence(lambda n: timezone.now() - timedelta(days=n + 1))

    @factory.post_generation
    def authors(self, create, people, **kwargs):
        for order, person in enumerate(people or []):
            Authorship.objects.create(article=self, person=person, order=order)

    @factory.post_generation
    def tags(self, create, names, **kwargs):
        if names:
            self.tags.add(*names)


def draft(**kwargs):
    return ArticleFactory(status=Article.Status.DRAFT, title="Hemligt utkast", **kwargs)


def scheduled(**kwargs):
    return ArticleFactory(
        published_at=timezone.now() + timedelta(days=3), title="Schemalagd nyhet", **kwargs
    )
