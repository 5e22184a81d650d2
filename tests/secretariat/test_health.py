"""/healthz/ tells a load balancer whether the database answers."""

import pytest


@pytest.mark.django_db
def test_healthz_is_200_when_the_database_answers(client):
    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db(transaction=True)
def test_healthz_is_503_when_the_database_does_not_answer(client, database_away):
    with database_away():
        response = client.get("/healthz/")

    assert response.status_code == 503
    assert response.content == b"database unavailable\n"
    assert client.get("/healthz/").status_code == 200
