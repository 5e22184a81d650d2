"""Fill a benchmark database with a large archive (see ``benchmark/data.py``)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from benchmark import data as benchdata
from secretariat.operations import page_cache


class Command(BaseCommand):
    help = (
        "Empty the content tables and fill them with a large generated archive, for "
        "`make bench`. Only runs on a database whose name contains 'bench'."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            type=int,
            default=benchdata.FULL_SIZE_ARTICLES,
            help="How many articles; everything else keeps its proportion (default 50,000).",
        )

    def handle(self, *args, articles, **options):
        name = connection.settings_dict["NAME"]
        if "bench" not in name:
            raise CommandError(
                f"The database {name!r} does not look like a benchmark database: this "
                "command empties the content tables. Point DATABASE_URL at one whose "
                "name contains 'bench' (scripts/bench.py makes secretariat_bench)."
            )
        if articles < 1:
            raise CommandError("--articles must be at least 1.")
        self.stdout.write(f"Building {articles:,} articles and the rest in {name}:")
        benchdata.build(articles, report=self.stdout.write)
        # COPY sends no signals: make the cached pages of the old content stale.
        page_cache.bump_generation()
        self.stdout.write(self.style.SUCCESS("Done."))
