"""/healthz/ tells a load balancer whether the database answers."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_healthz_is_200_when_the_database_answers(client):
    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db(transaction=True)
def test_healthz_is_503_when_the_database_does_not_answer(client, tmp_path):
    # Point the connection at a socket folder where no server listens: a real
    # connection attempt that fails, exactly as when PostgreSQL is stopped.
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST=str(tmp_path), PORT="")
    try:
        response = client.get("/healthz/")
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)

    assert response.status_code == 503
    assert response.content == b"database unavailable\n"
    assert client.get("/healthz/").status_code == 200
