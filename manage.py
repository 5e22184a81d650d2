#!/usr/bin/env python
"""Django's command-line utility. Development settings unless told otherwise."""

import os
import re
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secretariat.settings.development")
    from django.core.management import execute_from_command_line
    from django.db import OperationalError

    try:
        execute_from_command_line(sys.argv)
    except OperationalError:
        problem = connection_problem()
        if problem is None:
            raise  # A real error of the command, not a missing database.
        sys.exit(
            f"The database {database_name()} cannot be reached ({problem}): "
            "start it with `make db`, or check DATABASE_URL."
        )


def database_name():
    """The database and where it is, without the password: "x on 127.0.0.1:5432"."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    where = ":".join(str(part) for part in (database["HOST"], database["PORT"]) if part)
    return f"{database['NAME']} on {where or 'the local socket'}"


def connection_problem():
    """Why a new connection to the database fails, in the server's words; None if it succeeds.

    "Connection refused" when no server listens, 'database "x" does not exist'
    when the server runs without that database, and so on.
    """
    from django.db import OperationalError, connection

    connection.close()
    try:
        connection.ensure_connection()
    except OperationalError as error:
        # psycopg: "connection failed: connection to server at ... failed: FATAL:  why".
        reason = str(error).splitlines()[0].rpartition("failed: ")[2]
        return " ".join(re.sub(r"^[A-Z]+:", "", reason).split()) or "no answer"
    return None


if __name__ == "__main__":
    main()
