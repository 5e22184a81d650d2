"""Path converters every app's URLs share; registered once, in ``SecretariatConfig.ready``."""


class TagSlugConverter:
    """A tag's slug in a path: letters (any alphabet), digits, - and _.

    Wider than Django's ``slug`` so that every slug taggit has ever made resolves,
    including older ones with å, ä or ö; the views send those on to the current one.
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
