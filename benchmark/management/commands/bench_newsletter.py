"""The benchmark's newsletter hook: one issue to N confirmed subscribers, timed.

Used by ``make bench`` (``scripts/bench.py``) with ``EMAIL_URL`` pointing at a
local SMTP sink. Missing subscribers are made up first (``bench-N@example.invalid``);
the issue is sent synchronously through the same code as the worker's.
"""

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from articles.models import Article
from newsletter.models import Issue, IssueArticle, Subscriber
from newsletter.sending import create_deliveries, send_issue


class Command(BaseCommand):
    help = "Send one issue to --limit confirmed subscribers and report messages per second."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=10_000)

    def handle(self, *args, limit, **options):
        missing = limit - Subscriber.objects.confirmed().count()
        if missing > 0:
            # Numbered after those of an earlier run, so that all of them are new.
            first = Subscriber.objects.filter(email__startswith="bench-").count()
            now = timezone.now()
            Subscriber.objects.bulk_create(
                (
                    Subscriber(
                        email=f"bench-{number}@example.invalid",
                        status=Subscriber.Status.CONFIRMED,
                        confirmed_at=now,
                    )
                    for number in range(first, first + missing)
                ),
                batch_size=2000,
                ignore_conflicts=True,
            )
        issue = Issue.objects.create(
            subject=f"Benchmark {timezone.now():%Y-%m-%d %H:%M:%S}",
            introduction="A benchmark issue.",
        )
        IssueArticle.objects.bulk_create(
            IssueArticle(issue=issue, article=article, order=order)
            for order, article in enumerate(Article.objects.published()[:5])
        )
        create_deliveries(issue, limit=limit)
        started = time.monotonic()
        progress = send_issue(issue.pk, add_recipients=False)
        seconds = time.monotonic() - started
        self.stdout.write(
            f"{progress['sent']} sent, {progress['failed']} failed in {seconds:.1f} s: "
            f"{progress['sent'] / seconds:.0f} messages per second"
        )
