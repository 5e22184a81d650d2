"""Every management command, with the database away, says so in one line, with
the reason and how to fix it: no traceback."""

import os

import pytest

from tests.smtp import free_port

from .test_settings import production_env, run_manage


def development_env(database_url):
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    return env | {"DATABASE_URL": database_url}  # manage.py's own default settings


def closed_port_url():
    # Nothing listens on a port just freed.
    return f"postgres://kansliet:hemligt@127.0.0.1:{free_port()}/webbplats"


@pytest.mark.parametrize(
    ("command", "env"),
    [
        ("check", lambda: development_env(closed_port_url())),
        ("migrate", lambda: development_env(closed_port_url())),
        ("check", lambda: production_env(DATABASE_URL=closed_port_url())),
    ],
)
def test_a_closed_port_gives_one_line_with_the_fix(command, env):
    result = run_manage(command, env=env())

    assert result.returncode != 0
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("The database webbplats on 127.0.0.1:")
    assert "cannot be reached (Connection refused)" in line
    assert "make db" in line
    assert "DATABASE_URL" in line
    assert "hemligt" not in line


def test_a_socket_folder_without_a_server_gives_the_same_line(tmp_path):
    result = run_manage(
        "check", env=development_env(f"postgres://kansliet@/webbplats?host={tmp_path}")
    )

    assert result.returncode != 0
    [line] = result.stderr.splitlines()
    assert "cannot be reached (No such file or directory)" in line
    assert "Traceback" not in result.stderr


def test_a_server_without_the_database_says_which_is_missing(settings):
    server = settings.DATABASES["default"]
    url = f"postgres://{server['USER']}@/ingen_sadan_databas?host={server['HOST']}"

    result = run_manage("check", env=production_env(DATABASE_URL=url))

    assert result.returncode != 0
    [line] = result.stderr.splitlines()
    assert line.startswith("The database ingen_sadan_databas ")
    assert '(database "ingen_sadan_databas" does not exist)' in line
