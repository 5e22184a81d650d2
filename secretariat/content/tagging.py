"""Tags of many objects at once, and tags' old addresses."""

import functools
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from taggit.models import TaggedItem

from .slugs import ascii_slug

# The query parameter of every list filtered by topic (?amne=…).
TOPIC_PARAMETER = "amne"


def tag_names(objects):
    """Each object's tag names, by name: ``{pk: [name, ...]}``, in one query.

    For feeds and calendars of many objects: taggit's ``prefetch_related("tags")``
    builds a whole query for every object before it fills in the result, about
    a millisecond an object.
    """
    objects = list(objects)
    names = defaultdict(list)
    if not objects:
        return names
    rows = (
        TaggedItem.objects.filter(
            content_type=ContentType.objects.get_for_model(objects[0]),
            object_id__in=[obj.pk for obj in objects],
        )
        .order_by("tag__name")
        .values_list("object_id", "tag__name")
    )
    for pk, name in rows:
        names[pk].append(name)
    return names


def ascii_tag_slugs(view):
    """301 from a tag's old address, with å, ä or ö in its slug, to the ASCII one.

    Tag slugs kept those letters until they were transliterated (issue 14), and
    links and bookmarks with the old forms still arrive, in the path of a tag
    route or in ``?amne=``. For the views of those routes and of lists by topic.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        old = {
            name: value
            for name, value in kwargs.items()
            if isinstance(value, str) and not value.isascii()
        }
        topics = request.GET.getlist(TOPIC_PARAMETER)
        if not old and all(topic.isascii() for topic in topics):
            return view(request, *args, **kwargs)
        path = request.path
        if old:
            new = {name: ascii_slug(value) for name, value in old.items()}
            if not all(new.values()):
                raise Http404  # no letter of it has an ASCII spelling: never a tag's
            path = reverse(request.resolver_match.view_name, kwargs=kwargs | new)
        query = request.GET.copy()
        if topics:
            query.setlist(TOPIC_PARAMETER, [ascii_slug(topic) for topic in topics])
        return HttpResponsePermanentRedirect(f"{path}?{query.urlencode()}" if query else path)

    return wrapper
