"""Print, as JSON, the pages ``scripts/bench.py`` measures (see ``benchmark/pages.py``)."""

import json

from django.core.management.base import BaseCommand

from benchmark.pages import resolve_pages


class Command(BaseCommand):
    help = (
        "Find each benchmarked page in this database and count its SQL queries; print JSON. "
        "Used by `make bench`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="The Host header to send.")
        parser.add_argument("--only", nargs="*", help="Page names to limit the list to.")

    def handle(self, *args, host, only, **options):
        self.stdout.write(json.dumps(resolve_pages(host, only), ensure_ascii=False))
