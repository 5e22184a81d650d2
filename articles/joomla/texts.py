"""Links and pictures inside an old article's text, pointed at their new places.

A link to another article of the old site (either address form, see
``addresses``) leads to that article's new page; a picture (``<img>``) is
stored here and becomes a link to it, since the site's editor holds no
pictures in texts; a link to a file under ``images/`` is stored the same way
when it is a picture. Whatever still points at the old site is noted, so an
editor can see to it before the old site is switched off. The text is then
sanitised on save, as every text is (``secretariat.content.richtext``).
"""

import html
import re
from collections import defaultdict
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.urls import reverse

from .addresses import matches, reference_from_link
from .documents import site_path
from .pictures import PictureError

TAG = re.compile(r"<(a|img)\b([^>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
OTHER_SCHEMES = ("mailto:", "tel:", "#", "javascript:", "data:")


def attributes_of(text):
    return {
        match[1].lower(): html.unescape(next(v for v in match.groups()[1:] if v is not None))
        for match in ATTRIBUTE.finditer(text)
    }


class TextRewriter:
    """Rewrites the texts of one run; ``articles`` are what old links may lead to.

    ``articles`` have ``joomla_id``, ``joomla_alias`` and ``slug``: the articles
    of this import (with the addresses they will have) and those imported before.
    """

    def __init__(self, articles, pictures, site_root="", dry_run=False):
        # Looked up by id and alias: a thousand texts with a few links each, each
        # against a thousand articles, would otherwise take a while.
        self.by_id, self.by_alias = defaultdict(list), defaultdict(list)
        for article in articles:
            self.by_id[article.joomla_id].append(article)
            self.by_alias[article.joomla_alias].append(article)
        self.pictures = pictures
        self.site_root = site_root
        self.dry_run = dry_run

    def rewrite(self, text, notes):
        def replace(match):
            name, attributes = match[1].lower(), attributes_of(match[2])
            if name == "img":
                return self.picture(attributes, notes)
            if "href" not in attributes:
                return match[0]
            return f'<a href="{html.escape(self.link(attributes["href"], notes))}">'

        return TAG.sub(replace, text)

    def link(self, address, notes):
        address = address.strip()
        if not address or address.lower().startswith(OTHER_SCHEMES):
            return address
        path = site_path(address, self.site_root)
        if path is None:
            return address  # Another site.
        if path.startswith("images/"):
            return self.file(address, unquote(path), notes)
        old = reference_from_link(address, self.site_root)
        found = matches(self.candidates(old), old) if old else None
        if found is not None:
            return reverse("articles:detail", kwargs={"slug": found.slug})
        notes.append(f"a link to the old site that leads to no imported article: {address}")
        return self.from_root(address)

    def candidates(self, old):
        found = [*self.by_id.get(old.joomla_id, ()), *self.by_alias.get(old.segment, ())]
        return list({id(article): article for article in found}.values())

    @staticmethod
    def from_root(address):
        """A relative link from the site's root, as the old site meant it, so that a
        redirect made for that address (``/kontakt``) serves it from any page."""
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or address.startswith("/"):
            return address
        return "/" + address

    def file(self, address, path, notes):
        try:
            data, _name = self.pictures.read(address)
        except PictureError:
            notes.append(f"a link to a file on the old site, not moved: {path}")
            return self.from_root(address)
        return self.pictures.store_inline(data, self.dry_run)

    def picture(self, attributes, notes):
        source = attributes.get("src", "")
        try:
            data, name = self.pictures.read(source)
        except PictureError as error:
            notes.append(f"a picture inside the text was left out: {error}")
            return ""
        described = " ".join(attributes.get("alt", "").split())
        notes.append(
            f"a picture inside the text became a link to it: {source.split('#', 1)[0]}"
            + ("" if described else " (it has no description)")
        )
        address = html.escape(self.pictures.store_inline(data, self.dry_run))
        label = html.escape(described or PurePosixPath(name).stem)
        return f'<a href="{address}">{label}</a>'
