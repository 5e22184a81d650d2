"""Template helpers of the base layout."""

from datetime import UTC, date, datetime

from django.template import Context, Template


def render(template, **context):
    return Template("{% load site_tags %}" + template).render(Context(context))


def test_iso_gives_whole_seconds_in_the_sites_zone():
    moment = datetime(2026, 3, 14, 9, 30, 15, 123456, tzinfo=UTC)

    assert render("{{ moment|iso }}", moment=moment) == "2026-03-14T10:30:15+01:00"


def test_iso_of_a_date_and_of_nothing():
    assert render("{{ day|iso }}", day=date(2026, 3, 14)) == "2026-03-14"
    assert render("{{ nothing|iso }}", nothing=None) == ""
