"""Every management command, with the database away, says so in one line and
how to fix it: no traceback."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from tests.smtp import free_port


def manage(database_url, *args):
    env = {**os.environ, "DATABASE_URL": database_url}
    env.pop("DJANGO_SETTINGS_MODULE", None)  # manage.py's own default, as people run it
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("command", [["check"], ["migrate"]])
def test_a_closed_port_gives_one_line_with_the_fix(command):
    # Nothing listens on a port just freed.
    result = manage(f"postgres://kansliet:hemligt@127.0.0.1:{free_port()}/webbplats", *command)

    assert result.returncode != 0
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("The database webbplats on 127.0.0.1:")
    assert "make db" in line
    assert "DATABASE_URL" in line
    assert "hemligt" not in line


def test_a_socket_folder_without_a_server_gives_the_same_line(tmp_path):
    result = manage(f"postgres://kansliet@/webbplats?host={tmp_path}", "check")

    assert result.returncode != 0
    [line] = result.stderr.splitlines()
    assert "is not running or cannot be reached" in line
    assert "Traceback" not in result.stderr
