import pytest
from django.apps import apps
from django.utils import timezone
from django.utils.text import slugify


@pytest.fixture
def make_article():
    """An article of the articles app, which the event and person pages link to."""
    article_model = apps.get_model("articles", "Article")

    def make(title, *, authors=(), events=(), published=True):
        article = article_model.objects.create(
            title=title,
            slug=slugify(title),
            lead="Ingress.",
            status="published" if published else "draft",
            published_at=timezone.now() - timezone.timedelta(hours=1),
        )
        article.authors.set(authors)
        article.events.set(events)
        return article

    return make
