"""The picture that articles, the front page's hero, events and people carry:
the file, its WebP renditions, its description for people who cannot see it,
and the database's rule that a shown picture is described."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .images import ResponsiveImageField

# How a picture must be described (the ``description`` of ``picture_model``).
REQUIRED = "required"  # always, with the picture
UNLESS_DECORATIVE = "unless_decorative"  # unless the editor marks it as decoration
OPTIONAL = "optional"  # an empty description means decoration

# A person's picture is a photo; everything else has an image.
LABELS = {
    "image": {
        "picture": _("image"),
        "alt": _("image description"),
        "help": _("What the image shows, for people who cannot see it. Required with an image."),
        "optional_help": _(
            "What the image shows, for people who cannot see it. Leave empty if it is "
            "only decoration."
        ),
        "missing": _("Describe the image, or mark it as decorative."),
    },
    "photo": {
        "picture": _("photo"),
        "alt": _("photo description"),
        "help": _("What the photo shows, for people who cannot see it. Required with a photo."),
        "missing": _("Describe the photo."),
    },
}


def picture_model(folder, *, field="image", description=UNLESS_DECORATIVE, help_text=""):
    """An abstract model with a picture called ``field``, stored under ``folder``.

    It brings ``<field>`` (a ``ResponsiveImageField``), ``<field>_renditions``
    and ``<field>_alt``; with ``UNLESS_DECORATIVE`` also ``<field>_decorative``
    (a picture that adds nothing to the text needs no description). Unless the
    description is ``OPTIONAL``, the constraint ``<model>_<field>_has_alt_text``
    refuses a picture without one. A model extends the base's ``Meta`` to keep
    that constraint::

        ArticlePicture = picture_model("articles")

        class Article(ArticlePicture):
            class Meta(ArticlePicture.Meta):
                constraints = [*ArticlePicture.Meta.constraints, ...]
    """
    labels = LABELS[field]
    alt, flag = f"{field}_alt", f"{field}_decorative"
    attributes = {
        "__module__": __name__,
        "__doc__": f"A described picture in ``{field}``.",
        field: ResponsiveImageField(
            labels["picture"],
            folder=folder,
            renditions_field=f"{field}_renditions",
            blank=True,
            help_text=help_text,
        ),
        f"{field}_renditions": models.JSONField(default=dict, blank=True, editable=False),
        alt: models.CharField(
            labels["alt"],
            max_length=250,
            blank=True,
            help_text=labels["optional_help" if description == OPTIONAL else "help"],
        ),
    }
    described = Q(**{field: ""})
    if description == UNLESS_DECORATIVE:
        attributes[flag] = models.BooleanField(
            _("decorative image"),
            default=False,
            help_text=_(
                "Tick only if the image adds nothing to the text; it then needs no description."
            ),
        )
        described |= Q(**{flag: True})
    described |= ~Q(**{alt: ""})

    checks = []
    if description != OPTIONAL:
        checks.append(
            models.CheckConstraint(
                condition=described,
                name=f"%(class)s_{field}_has_alt_text",
                violation_error_message=labels["missing"],
            )
        )

    class Meta:
        abstract = True
        constraints = checks

    attributes["Meta"] = Meta
    return type(f"{folder.capitalize()}Picture", (models.Model,), attributes)
