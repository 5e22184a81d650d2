"""Uploaded pictures: verified, stripped of metadata, and resized once.

Every picture staff upload (article images, event images, portraits, the hero)
goes through :class:`ResponsiveImageField`:

- the upload is checked with Pillow before anything is stored: a real JPEG, PNG
  or WebP, within ``IMAGE_MAX_BYTES`` and ``IMAGE_MAX_PIXELS``;
- it is re-encoded without its metadata, so GPS positions and camera serial
  numbers from phones never reach the public, and turned upright first;
- it is stored under a generated name (``<folder>/<year>/<random>.<ext>``), so
  a file name never leaks or collides;
- WebP renditions in a few widths are written once, when the picture is saved,
  and listed in a JSON field on the model. Pages then only build a ``srcset``;
- a picture that is replaced or removed, or whose row is deleted, is deleted
  from storage with its renditions once the change is committed, locally and
  in an S3 bucket alike.
"""

import io
import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models.signals import post_delete, pre_save
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow format name -> file extension of what we store.
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
RENDITION_WIDTHS = (480, 960, 1600)


def max_bytes():
    return getattr(settings, "IMAGE_MAX_BYTES", 15 * 1024 * 1024)


def max_pixels():
    return getattr(settings, "IMAGE_MAX_PIXELS", 40_000_000)


@deconstructible
class UploadPath:
    """``<folder>/<year>/<random>.<ext>``: the uploader's file name is never used."""

    def __init__(self, folder):
        self.folder = folder.strip("/")

    def __call__(self, instance, filename):
        suffix = PurePosixPath(filename).suffix.lower().lstrip(".")
        extension = suffix if suffix in FORMATS.values() else "jpg"
        year = timezone.now().year
        return f"{self.folder}/{year}/{secrets.token_hex(10)}.{extension}"

    def __eq__(self, other):
        return isinstance(other, UploadPath) and other.folder == self.folder


def open_verified(file):
    """Open an uploaded picture with Pillow, or raise a ValidationError saying why."""
    size = getattr(file, "size", None)
    if size is not None and size > max_bytes():
        raise ValidationError(
            _("The picture is too large (%(size)s). The limit is %(limit)s."),
            code="image_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_bytes())},
        )
    # Pillow closes the file it reads when the image is closed; work on a copy
    # (its size is bounded above) so the upload stays open for saving.
    file.seek(0)
    data = io.BytesIO(file.read())
    file.seek(0)
    try:
        with Image.open(data) as probe:
            probe.verify()
        data.seek(0)
        image = Image.open(data)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not a picture we can read. Upload a JPEG, PNG or WebP file."),
            code="invalid_image",
        ) from None
    if image.format not in FORMATS:
        raise ValidationError(_("Pictures must be JPEG, PNG or WebP files."), code="image_format")
    width, height = image.size
    if width * height > max_pixels():
        raise ValidationError(
            _(
                "The picture is %(width)s by %(height)s pixels, which is more than we accept. "
                "Make it smaller (at most %(megapixels)s megapixels) and try again."
            ),
            code="image_too_many_pixels",
            params={"width": width, "height": height, "megapixels": max_pixels() // 1_000_000},
        )
    return image


def validate_image(file):
    """Field validator: runs in forms and ``full_clean`` before anything is stored."""
    if file and not getattr(file, "_committed", True):
        open_verified(file).close()


def clean_copy(image):
    """The picture upright and re-encoded, with no EXIF, XMP or comments."""
    image_format = image.format
    upright = ImageOps.exif_transpose(image)
    if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    options = {"JPEG": {"quality": 88, "optimize": True}, "WEBP": {"quality": 88}}
    buffer = io.BytesIO()
    icc_profile = image.info.get("icc_profile")
    if icc_profile:
        options.setdefault(image_format, {})["icc_profile"] = icc_profile
    upright.save(buffer, image_format, **options.get(image_format, {}))
    return ContentFile(buffer.getvalue()), FORMATS[image_format], upright.size


def renditions_for(storage, name):
    """Write the WebP renditions of a stored picture; return their description."""
    with storage.open(name) as stored, Image.open(stored) as image:
        image.load()
        width, height = image.size
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
        stem = PurePosixPath(name).with_suffix("")
        widths = [w for w in RENDITION_WIDTHS if w < width] or [width]
        webp = {}
        for target in widths:
            copy = image.resize((target, max(1, round(height * target / width))), Image.LANCZOS)
            buffer = io.BytesIO()
            copy.save(buffer, "WEBP", quality=80, method=4)
            saved = storage.save(f"{stem}-{target}w.webp", ContentFile(buffer.getvalue()))
            webp[str(target)] = saved
    return {"source": name, "width": width, "height": height, "webp": webp}


class ResponsiveImageField(models.ImageField):
    """An image field whose uploads are verified, cleaned and resized once.

    ``renditions_field`` names a ``JSONField`` on the same model that holds the
    renditions' description; it is filled whenever the picture changes, also
    when code (an import) sets the field to a file already in storage.
    """

    def __init__(self, *args, renditions_field, folder, **kwargs):
        self.renditions_field = renditions_field
        kwargs["upload_to"] = UploadPath(folder)
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)
        self.validators = [*self.validators, validate_image]

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        kwargs["renditions_field"] = self.renditions_field
        kwargs["folder"] = kwargs.pop("upload_to").folder
        return name, "secretariat.media.images.ResponsiveImageField", args, kwargs

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        if not cls._meta.abstract:
            pre_save.connect(self._prepare, sender=cls, weak=False)
            post_delete.connect(self._forget, sender=cls, weak=False)

    def _prepare(self, sender, instance, raw=False, using=None, **kwargs):
        if raw:
            return
        file = getattr(instance, self.attname)
        previous = getattr(instance, self.renditions_field) or {}
        if not file:
            setattr(instance, self.renditions_field, {})
        else:
            if not file._committed:
                image = open_verified(file)
                content, extension, _size = clean_copy(image)
                image.close()
                file.save(f"upload.{extension}", content, save=False)
            if previous.get("source") != file.name:
                setattr(instance, self.renditions_field, renditions_for(file.storage, file.name))
        # The renditions name the picture they were made from: the one now replaced.
        if previous.get("source") and previous["source"] != (file.name or None):
            self._delete_after_commit(sender, previous, using)

    def _forget(self, sender, instance, using=None, **kwargs):
        renditions = getattr(instance, self.renditions_field) or {}
        name = getattr(instance, self.attname).name
        if name:
            self._delete_after_commit(sender, {"webp": {}, **renditions, "source": name}, using)

    def _delete_after_commit(self, model, renditions, using):
        """Delete a replaced or deleted picture and its renditions once the change is saved.

        A picture taken down must not stay public at its old address. (Versions
        of the content kept by django-reversion then restore without it.)
        """
        source = renditions["source"]
        names = [source, *renditions.get("webp", {}).values()]

        def delete():
            # Another row may show the same file: an import can point two at one picture.
            if model._base_manager.using(using).filter(**{self.attname: source}).exists():
                return
            for name in names:
                self.storage.delete(name)

        transaction.on_commit(delete, using=using, robust=True)


def srcset(file, renditions):
    """The ``srcset`` value for a picture's WebP renditions, widest last."""
    if not file or not renditions or renditions.get("source") != file.name:
        return ""
    storage = file.storage
    items = sorted(renditions["webp"].items(), key=lambda item: int(item[0]))
    return ", ".join(f"{storage.url(name)} {width}w" for width, name in items)


def smallest_rendition(file, renditions):
    """(url, width, height) of a picture's narrowest WebP rendition, or None.

    For thumbnails: lists and forms get a small file, never the original.
    """
    if not file or not renditions or renditions.get("source") != file.name:
        return None
    width, name = min(renditions["webp"].items(), key=lambda item: int(item[0]))
    height = round(int(width) * renditions["height"] / renditions["width"])
    return file.storage.url(name), int(width), height
