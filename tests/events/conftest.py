import pytest
from django.utils.text import slugify

from tests.articles.factories import ArticleFactory


@pytest.fixture
def make_article():
    """An article of the articles app, which the event and person pages link to."""

    def make(title, *, authors=(), events=(), published=True):
        article = ArticleFactory(
            title=title,
            slug=slugify(title),
            status="published" if published else "draft",
            authors=list(authors),
        )
        article.events.set(events)
        return article

    return make
