"""`manage.py load_demo`, which `make run` runs every time, loads once and then adds nothing."""

import pytest
from django.core.management import call_command

from articles.models import Article, Hero
from events.models import Event, Organisation, Person
from newsletter.models import Issue
from secretariat.models import Page

pytestmark = pytest.mark.django_db

MODELS = [Page, Organisation, Person, Event, Article, Hero, Issue]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.mark.slow
def test_demo_loads_once_and_a_second_run_adds_nothing(capsys):
    call_command("load_demo")
    first = counts()
    assert "Demo content added: pages 2," in capsys.readouterr().out
    assert all(first.values()), first
    assert Article.objects.published().count() > 30
    assert Event.objects.published().upcoming().exists()

    call_command("load_demo")

    assert counts() == first
    assert capsys.readouterr().out == "Demo content: already loaded, nothing to add.\n"
