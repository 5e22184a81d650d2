"""Send (or resume sending) a newsletter issue now, in this process, for operators."""

from django.core.management.base import BaseCommand, CommandError

from newsletter.models import Issue
from newsletter.sending import send_issue


class Command(BaseCommand):
    help = (
        "Send a newsletter issue to every confirmed subscriber who has not received it yet "
        "(not to addresses that bounced or complained). "
        "Safe to run again after an interruption: nobody receives it twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("issue", type=int, help="The issue's number (as in the admin).")

    def handle(self, *args, issue, **options):
        if not Issue.objects.filter(pk=issue).exists():
            raise CommandError(f"There is no issue number {issue}.")
        progress = send_issue(issue)
        self.stdout.write(
            f"Issue {issue}: {progress['sent']} sent, {progress['bounced']} bounced, "
            f"{progress['failed']} failed, {progress['pending']} waiting, "
            f"{progress['skipped']} skipped."
        )
