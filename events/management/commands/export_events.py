from events.importexport import export_events
from secretariat.content.jsonl import ExportCommand


class Command(ExportCommand):
    help = "Export every event to a JSON Lines file, in the format import_events reads."
    noun = "events"

    def export(self, file):
        with file.open("w", encoding="utf-8") as handle:
            return export_events(handle, base_dir=file.parent)
