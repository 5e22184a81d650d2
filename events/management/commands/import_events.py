from events.importexport import import_events
from secretariat.content.jsonl import ImportCommand


class Command(ImportCommand):
    help = "Import events from a JSON Lines file (one event per line), updating by slug."
    noun = "events"

    def run(self, lines, options, **import_options):
        return import_events(lines, **import_options)
