"""The demo newsletter issue for a newcomer's `make run` (text in secretariat/demo_content.py)."""

from django.db import transaction

from articles.models import Article
from secretariat.demo_content import NEWSLETTER_ISSUE

from .models import Issue, IssueArticle


@transaction.atomic
def load():
    """Create the demo issue unless an issue with its subject exists; idempotent."""
    content = NEWSLETTER_ISSUE
    issue, created = Issue.objects.get_or_create(
        subject=content["subject"],
        defaults={
            "introduction": content["introduction"],
            "include_events": content["include_events"],
        },
    )
    if created:
        articles = Article.objects.published().in_bulk(content["article_slugs"], field_name="slug")
        IssueArticle.objects.bulk_create(
            IssueArticle(issue=issue, article=articles[slug], order=order)
            for order, slug in enumerate(content["article_slugs"])
            if slug in articles
        )
    return {"newsletter issues": int(created)}
