"""Numbered pages that cost the same on page 2,000 as on page 1.

Django's ``Paginator`` counts every row on each request and reaches page N
with ``OFFSET``, which reads every row before it: both grow with the archive.
``ArchivePaginator`` remembers the total and the sort key of each page's first
row until the content changes (``page_cache.remember``), then fetches a page
by seeking to that key: one index range scan of a page's rows, however deep.

It seeks when the queryset is ordered by one field and then the primary key,
both in the same direction, e.g. ``["-published_at", "-pk"]`` (the pair is
unique, so a key marks exactly one place; an index should match that order).
Any other ordering, such as search results by rank, is paginated as Django does,
except that the count is remembered too.
Use it from a list view::

    paginator_class = ArchivePaginator

    def get_paginator(self, queryset, per_page, **kwargs):
        key = self.request.GET.copy()
        key.pop("page", None)
        return self.paginator_class(queryset, per_page, key=key.urlencode(), **kwargs)

``key`` names the list (its filters), so that differently filtered lists do
not share their pages.
"""

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Q, Window
from django.db.models.functions import Mod, RowNumber
from django.utils.functional import cached_property

from secretariat.operations.page_cache import remember


class ArchivePaginator(Paginator):
    def __init__(self, object_list, per_page, *, key, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.key = key
        ordering = list(object_list.query.order_by or object_list.model._meta.ordering)
        names = [name.lstrip("-") if isinstance(name, str) else None for name in ordering]
        descending = {name.startswith("-") for name in ordering if isinstance(name, str)}
        # Any other ordering (search results by rank) is paginated as Django does.
        self.seekable = (
            len(ordering) == 2
            and None not in names
            and names[1] in {"pk", "id"}
            and len(descending) == 1
        )
        if self.seekable:
            self.field = names[0]
            self.descending = descending.pop()

    @cached_property
    def _first_keys(self):
        """The total, and the (field, pk) of each page's first row."""

        def compute():
            # Numbered in the database, so that only each page's first row comes
            # back (2,500 rows at 50,000 articles, not 50,000), with the total.
            direction = "desc" if self.descending else "asc"
            order = [getattr(F(self.field), direction)(), getattr(F("pk"), direction)()]
            firsts = list(
                self.object_list.annotate(
                    row=Window(RowNumber(), order_by=order),
                    total=Window(Count("pk")),
                )
                .annotate(place=Mod(F("row") - 1, self.per_page))
                .filter(place=0)
                .order_by("row")
                .values_list("total", self.field, "pk")
            )
            total = firsts[0][0] if firsts else 0
            return total, [(value, pk) for _, value, pk in firsts]

        order = f"{'-' if self.descending else ''}{self.field}"
        label = self.object_list.model._meta.label
        return remember(f"page-keys:{label}:{order}:{self.per_page}:{self.key}", compute)

    @cached_property
    def count(self):
        if self.seekable:
            return self._first_keys[0]
        # Any other list (search results) is counted once per content generation too.
        return remembered_count(self.object_list.model, self.key, self.object_list.count)

    def page(self, number):
        if not self.seekable:
            return super().page(number)
        number = self.validate_number(number)
        keys = self._first_keys[1]
        if not keys:
            return Page(self.object_list.none(), number, self)
        # In the list's direction: from this page's first key on, and (bounded on
        # both ends, so that a filtered list such as a tag reads only this page's
        # stretch of the archive) before the next page's first key.
        ahead, behind = ("lt", "gt") if self.descending else ("gt", "lt")
        rows = self._beyond(self.object_list, keys[number - 1], ahead, or_equal=True)
        if number < len(keys):
            rows = self._beyond(rows, keys[number], behind, or_equal=False)
        return Page(rows[: self.per_page], number, self)

    def _beyond(self, rows, key, direction, or_equal):
        """Rows whose (field, pk) lies ``direction`` ("lt" or "gt") of ``key``, written
        so that an index on the field can start its scan there."""
        value, pk = key
        return rows.filter(
            Q(**{f"{self.field}__{direction}": value})
            | Q(**{f"pk__{direction}{'e' if or_equal else ''}": pk}),
            **{f"{self.field}__{direction}e": value},
        )


def remembered_count(model, key, count):
    """The total of the list of ``model`` rows that ``key`` names: ``count()``, called
    once until the content changes. ``ArchivePaginator`` counts the lists it cannot
    seek through it; a view may ask for the same total without building the list."""
    return remember(f"count:{model._meta.label}:{key}", count)
