"""The JSONL machinery the article and event imports share."""

import json

import pytest
from django.core.management import CommandError, call_command

from events.models import Event

pytestmark = pytest.mark.django_db


def event_line(slug):
    return json.dumps(
        {
            "slug": slug,
            "title": slug,
            "kind": "webinar",
            "starts_at": "2030-02-05T10:00:00",
            "ends_at": "2030-02-05T11:00:00",
        }
    ).encode()


def test_a_line_that_is_not_utf8_is_one_bad_line_and_the_rest_is_imported(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        event_line("forsta") + b"\n" + b'{"title": "\xe5r"}\n' + event_line("tredje") + b"\n"
    )

    with pytest.raises(CommandError, match="2 created, 0 updated, 1 bad lines"):
        call_command("import_events", str(source))

    assert f"{source}:2: not UTF-8 text" in capsys.readouterr().err
    assert sorted(Event.objects.values_list("slug", flat=True)) == ["forsta", "tredje"]


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_articles", str(tmp_path / "saknas.jsonl"))
