"""One Joomla article's attributes as this site's article fields.

Joomla 4/5 serves an article (``/api/index.php/v1/content/articles``) as a
JSON:API resource: ``attributes`` with ``title``, ``alias``, ``state``,
``publish_up``, ``modified``, ``text`` (the intro and full text joined),
``created_by_alias``, ``tags``, ``images``, ``featured``, ``language``…, and
``relationships`` naming its ``category``, ``created_by`` (a user) and
``tags``. Times are UTC, written ``YYYY-MM-DD HH:MM:SS``.

Each function here reads one rule; what is odd but not fatal is added to
``notes`` for the report, what makes the article impossible raises ``ItemError``
(or ``jsonl.LineError``, from the checks the JSONL imports share).
"""

import html
import json
import re
from datetime import UTC, datetime

from django.utils.html import strip_tags

from secretariat.content import jsonl

from ..models import Article

TRASHED = -2
STATUSES = {1: Article.Status.PUBLISHED, 2: Article.Status.PUBLISHED, 0: Article.Status.DRAFT}
# Joomla's own "no category" category: not a subject, so not a tag.
UNCATEGORISED = "uncategorised"
# What Joomla's editor puts where the introduction ends ("Read more").
READ_MORE = re.compile(r"<hr\b[^>]*\bid\s*=\s*[\"']system-readmore[\"'][^>]*>", re.IGNORECASE)
FIRST_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
HAS_LINK_OR_PICTURE = re.compile(r"<(a|img)\b", re.IGNORECASE)
TAG_MAX_LENGTH = 100


class ItemError(Exception):
    """Why one article cannot be imported."""


class Skip(Exception):  # noqa: N818 (a decision, not a failure)
    """Why one article is deliberately left behind."""


def status(attributes):
    """``state``: 1 published, 2 archived (published), 0 draft; -2 (trashed) is skipped."""
    try:
        state = int(attributes.get("state"))
    except (TypeError, ValueError):
        raise ItemError(f"state {attributes.get('state')!r} is not a number") from None
    if state == TRASHED:
        raise Skip("in the trash on the old site")
    if state not in STATUSES:
        raise Skip(f"state {state} is neither published, unpublished nor archived")
    return STATUSES[state]


def moment(attributes, name):
    """A time as Joomla's API gives it, in UTC; ``None`` when empty."""
    value = attributes.get(name)
    if value in (None, "") or str(value).startswith("0000-00-00"):
        return None
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        raise ItemError(f"{name}: {value!r} is not a date and time") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def publication_time(attributes):
    published = moment(attributes, "publish_up") or moment(attributes, "created")
    if published is None:
        raise ItemError("neither publish_up nor created gives a publication time")
    return published


def plain(fragment):
    """The words of an HTML fragment: no tags, entities read, spaces tidied."""
    return " ".join(html.unescape(strip_tags(fragment or "")).split())


def lead_and_body(attributes, notes):
    """The introduction as the lead (plain text), the rest as the body (HTML).

    Joomla keeps them apart (``introtext``, ``fulltext``, served by some
    sites' plugins), or joins them in ``text``, where the read-more marker may
    still stand between them. With neither, the lead is the meta description,
    or else the first paragraph (taken out of the body, as if the read-more
    stood after it).
    """
    if "introtext" in attributes or "fulltext" in attributes:
        intro, body = jsonl.text(attributes, "introtext"), jsonl.text(attributes, "fulltext")
    else:
        parts = READ_MORE.split(jsonl.text(attributes, "text"), maxsplit=1)
        intro, body = (parts[0], parts[1]) if len(parts) == 2 else ("", parts[0])
    if plain(intro):
        if HAS_LINK_OR_PICTURE.search(intro):
            notes.append("the introduction has links or pictures: kept at the top of the text too")
            body = f"{intro}\n{body}"
        return plain(intro), body.strip()
    body = f"{intro}\n{body}" if intro.strip() else body  # A picture alone, say.
    description = plain(attributes.get("metadesc"))
    if description:
        return description, body.strip()
    first = FIRST_PARAGRAPH.search(body)
    if first and plain(first[1]) and not HAS_LINK_OR_PICTURE.search(first[1]):
        return plain(first[1]), (body[: first.start()] + body[first.end() :]).strip()
    if plain(body):
        notes.append("no introduction: the title stands in as the lead")
    else:
        notes.append("no text")
    return plain(attributes.get("title")), body.strip()


def related_ids(resource, name):
    """The ids a relationship names (``{"data": {"type": …, "id": "8"}}`` or a list)."""
    relation = resource["relationships"].get(name)
    data = relation.get("data") if isinstance(relation, dict) else None
    items = data if isinstance(data, list) else [data]
    return [
        int(item["id"])
        for item in items
        if isinstance(item, dict) and str(item.get("id", "")).isdigit()
    ]


def author_name(resource, users, notes):
    """``created_by_alias``, else the name of the user in ``created_by``."""
    attributes = resource["attributes"]
    alias = " ".join(str(attributes.get("created_by_alias") or "").split())
    if alias:
        return alias
    ids = related_ids(resource, "created_by")
    if not ids and str(attributes.get("created_by", "")).isdigit():
        ids = [int(attributes["created_by"])]
    if not ids:
        notes.append("no author")
        return None
    user = users.get(ids[0])
    name = " ".join(str((user or {}).get("attributes", {}).get("name") or "").split())
    if not name:
        notes.append(f"author: user {ids[0]} is not among the users read; no author set")
        return None
    return name


def tag_names(resource, tags, categories, notes):
    """The article's tags and its category's title, each once, in that order."""
    attributes = resource["attributes"]
    served = attributes.get("tags")
    if isinstance(served, dict):  # {"3": "Upphandling", …}: id → title
        names = [str(title) for title in served.values()]
    elif served and isinstance(served, list):  # titles, or tag objects with a title
        names = [
            str(item.get("title") or "") if isinstance(item, dict) else str(item) for item in served
        ]
    else:
        names = []
        for number in related_ids(resource, "tags"):
            title = (tags.get(number) or {}).get("attributes", {}).get("title")
            if title:
                names.append(str(title))
            else:
                notes.append(f"tag {number} is not among the tags read")
    category_ids = related_ids(resource, "category")
    if not category_ids and str(attributes.get("catid", "")).isdigit():
        category_ids = [int(attributes["catid"])]
    for number in category_ids:
        category = (categories.get(number) or {}).get("attributes")
        if category is None:
            notes.append(f"category {number} is not among the categories read")
        elif category.get("alias") != UNCATEGORISED and category.get("title"):
            names.append(str(category["title"]))
    result = {}
    for name in (" ".join(name.split()) for name in names):
        if len(name) > TAG_MAX_LENGTH:
            notes.append(f"tag {name[:40]!r}… is longer than {TAG_MAX_LENGTH} characters: left out")
        elif name and name.casefold() not in result:
            result[name.casefold()] = name
    return list(result.values())


def picture(attributes):
    """``(address, alt, caption)`` of the full-text picture, else the intro's; or ``None``."""
    images = attributes.get("images") or {}
    if isinstance(images, str):  # Stored as JSON text by older versions.
        try:
            images = json.loads(images)
        except json.JSONDecodeError:
            raise ItemError("images: not valid JSON") from None
    if not isinstance(images, dict):
        return None
    for kind in ("image_fulltext", "image_intro"):
        address = str(images.get(kind) or "").strip()
        if address:
            alt = " ".join(str(images.get(f"{kind}_alt") or "").split())
            caption = " ".join(str(images.get(f"{kind}_caption") or "").split())
            return address, alt, caption
    return None


def language(attributes, notes):
    """``*`` (all languages) and Swedish are Swedish; English is English."""
    code = str(attributes.get("language") or "*")
    if code == "*" or code.lower().startswith("sv"):
        return Article.Language.SWEDISH
    if code.lower().startswith("en"):
        return Article.Language.ENGLISH
    notes.append(f"language {code!r} is neither Swedish nor English: imported as Swedish")
    return Article.Language.SWEDISH


def featured(attributes):
    return str(attributes.get("featured") or "0") == "1"
