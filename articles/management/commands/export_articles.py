from articles.importexport import export_articles
from secretariat.content.jsonl import ExportCommand


class Command(ExportCommand):
    help = (
        "Export every article to a JSON Lines file in the import format; "
        "images are copied into a folder beside it."
    )
    noun = "articles"

    def export(self, file):
        return export_articles(file)
