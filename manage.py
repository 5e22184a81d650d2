#!/usr/bin/env python
"""Django's command-line utility. Development settings unless told otherwise."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secretariat.settings.development")
    from django.core.management import execute_from_command_line
    from django.db import OperationalError

    try:
        execute_from_command_line(sys.argv)
    except OperationalError:
        if database_answers():
            raise  # A real error of the command, not a missing database.
        sys.exit(
            f"The database {database_name()} is not running or cannot be reached: "
            "start it with `make db`, or check DATABASE_URL."
        )


def database_name():
    """The database and where it is, without the password: "x on 127.0.0.1:5432"."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    where = ":".join(str(part) for part in (database["HOST"], database["PORT"]) if part)
    return f"{database['NAME']} on {where or 'the local socket'}"


def database_answers():
    """Whether a new connection to the database succeeds."""
    from django.db import OperationalError, connection

    connection.close()
    try:
        connection.ensure_connection()
    except OperationalError:
        return False
    return True


if __name__ == "__main__":
    main()
