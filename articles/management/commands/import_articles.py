from articles.importexport import import_articles
from secretariat.content.jsonl import BATCH_SIZE, ImportCommand


class Command(ImportCommand):
    help = "Import articles from a JSON Lines file (one article per line); idempotent on slug."
    noun = "articles"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help="Lines committed together; a stopped import keeps the batches done.",
        )

    def run(self, lines, options, **import_options):
        return import_articles(lines, batch_size=options["batch_size"], **import_options)
