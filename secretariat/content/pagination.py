"""Numbered pages of long lists, at about the same cost on page 2,000 as on page 1.

Django's ``Paginator`` counts every row on each request and reads page N with
``OFFSET``, which fetches every whole row before it: at 50,000 articles the
count and a deep page each take tens of milliseconds. ``ArchivePaginator``
gives the same pages, but

- remembers the total until the content changes (``page_cache.remember``);
- finds a page's rows by their keys first (``values_list("pk")`` with the same
  ``OFFSET``, which an index can answer without reading a row: a few
  milliseconds at any depth), remembered per page too, then reads only those
  rows.

Use it from a list view::

    paginator_class = ArchivePaginator

    def get_paginator(self, queryset, per_page, **kwargs):
        key = self.request.GET.copy()
        key.pop("page", None)
        return self.paginator_class(queryset, per_page, key=key.urlencode(), **kwargs)

``key`` names the list (its filters), so that differently filtered lists do
not share their totals and pages.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from secretariat.operations.page_cache import remember


class ArchivePaginator(Paginator):
    def __init__(self, object_list, per_page, *, key, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.key = key

    @cached_property
    def count(self):
        return remembered_count(self.object_list.model, self.key, self.object_list.count)

    def page(self, number):
        # Django's page (its number checked, its slice, orphans), then its rows by key.
        page = super().page(number)
        keys = page.object_list.values_list("pk", flat=True)
        meta = self.object_list.model._meta
        order = ",".join(map(str, self.object_list.query.order_by or meta.ordering))
        name = f"page:{meta.label}:{order}:{self.per_page}:{page.number}:{self.key}"
        # In the list's own order: the rows are sorted as the list is.
        page.object_list = self.object_list.filter(pk__in=remember(name, lambda: list(keys)))
        return page


def remembered_count(model, key, count):
    """The total of the list of ``model`` rows that ``key`` names: ``count()``, called
    once until the content changes. ``ArchivePaginator`` counts its lists through it;
    a view may ask for the same total without building the list."""
    return remember(f"count:{model._meta.label}:{key}", count)
