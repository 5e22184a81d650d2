"""Path converters the apps' URLs share: ``<tag:…>`` and ``<year:…>``.

Registered when the first URLconf imports this module (Python imports a module
once per process, and Django refuses a second registration of a name).
"""

from django.urls import register_converter


class TagSlugConverter:
    """A tag's slug in a path: letters (any alphabet), digits, - and _.

    Wider than Django's ``slug`` so that the old tag slugs with å, ä or ö still
    resolve; ``secretariat.content.tagging.ascii_tag_slugs`` sends them on to the
    ASCII ones taggit makes now.
    """

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class YearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(TagSlugConverter, "tag")
register_converter(YearConverter, "year")
