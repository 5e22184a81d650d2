"""The Swedish translation covers every UI string in the code and templates."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

SKIP = shutil.ignore_patterns(
    ".venv", ".pgdata", "var", ".git", "__pycache__", "node_modules", "*.mo"
)


@pytest.mark.slow
def test_every_string_has_a_swedish_translation(tmp_path):
    # Extract the strings again in a copy of the tree, so that a string added to
    # the code without a translation shows up as untranslated here.
    copy = tmp_path / "tree"
    shutil.copytree(settings.BASE_DIR, copy, ignore=SKIP)
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "sv",
            "--no-location",
            "--ignore=tests",
            "--ignore=.venv",
            "-v",
            "0",
        ],
        cwd=copy,
        check=True,
        timeout=120,
    )
    catalogues = sorted(copy.glob("**/locale/sv/LC_MESSAGES/django.po"))
    assert catalogues

    for po in catalogues:
        stats = subprocess.run(
            ["msgfmt", "--statistics", "-c", "-o", "/dev/null", po],
            capture_output=True,
            text=True,
            check=True,
        ).stderr
        name = Path(po).relative_to(copy)
        assert "untranslated" not in stats, f"{name}: {stats}"
        assert "fuzzy" not in stats, f"{name}: {stats}"
