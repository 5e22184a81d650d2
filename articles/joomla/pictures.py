"""The old site's pictures: from a copy of its ``images/`` folder, or downloaded.

Joomla names a picture by its path under the site (``images/nyheter/bild.jpg``),
in the API with the site's address in front and its own note behind
(``https://…/images/nyheter/bild.jpg#joomlaImage://local-images/…?width=…``).
``--media`` points at a copy of the ``images/`` folder, and pictures are then
read from it alone; without it they are downloaded from the old site. Every
picture is verified, and stored without its metadata, as any upload is
(``secretariat.media.images``).
"""

import hashlib
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from secretariat.media.images import clean_copy, max_bytes, open_verified

from .documents import SourceError, download, site_path

# Pictures inside texts, stored once each under a name made from their content.
INLINE_FOLDER = "articles/joomla"


class PictureError(Exception):
    """A picture that cannot be found or read."""


def fingerprint(data):
    return hashlib.sha256(data).hexdigest()


class Pictures:
    """Reads each picture of the old site once per run."""

    def __init__(self, media_dir=None, site_root=""):
        self.media_dir = Path(media_dir).resolve() if media_dir else None
        self.site_root = site_root
        self.read_before = {}

    def read(self, address):
        """``(bytes, file name)`` of the picture at ``address``; raises ``PictureError``."""
        address = address.split("#", 1)[0].strip()
        if address not in self.read_before:
            self.read_before[address] = self._read(address)
        return self.read_before[address]

    def _read(self, address):
        path = site_path(address, self.site_root)
        path = unquote(path) if path is not None else None
        if self.media_dir:
            if not path or not path.startswith("images/"):
                raise PictureError(f"{address}: not in the old site's images/ folder")
            local = (self.media_dir / path.removeprefix("images/")).resolve()
            if not local.is_relative_to(self.media_dir) or not local.is_file():
                raise PictureError(f"{path}: not found in the --media folder")
            if local.stat().st_size > max_bytes():
                raise PictureError(f"{path}: larger than {max_bytes()} bytes")
            return self.verified(local.read_bytes(), path), local.name
        absolute = urljoin(self.site_root, address) if self.site_root else address
        try:
            data = download(absolute)
        except SourceError as error:
            raise PictureError(str(error)) from None
        return self.verified(data, path or address), PurePosixPath(urlsplit(absolute).path).name

    @staticmethod
    def verified(data, where):
        try:
            open_verified(ContentFile(data)).close()
        except ValidationError as error:
            raise PictureError(f"{where}: {' '.join(error.messages)}") from None
        return data

    @staticmethod
    def store_inline(data, dry_run=False):
        """The address of a picture from inside a text, stored once under its fingerprint."""
        image = open_verified(ContentFile(data))
        content, extension, _size = clean_copy(image)
        image.close()
        name = f"{INLINE_FOLDER}/{fingerprint(data)[:32]}.{extension}"
        if not dry_run and not default_storage.exists(name):
            name = default_storage.save(name, content)
        return default_storage.url(name)
