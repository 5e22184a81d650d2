"""Pagination that stays fast on deep pages of a long list.

A page far down the archive (``?page=4000``) makes PostgreSQL step over every
earlier row. Stepping over narrow index entries is cheap, stepping over whole
rows is not, so the page's ids are found first (an index-only scan on
``article_public_order``) and only those rows are then fetched, with their
prefetches. One query more, whatever the depth.
"""

from django.core.paginator import Paginator


class DeferredJoinPaginator(Paginator):
    def _get_page(self, object_list, number, paginator):
        ids = list(object_list.values_list("pk", flat=True))
        rows = {row.pk: row for row in self.object_list.filter(pk__in=ids)}
        return super()._get_page([rows[pk] for pk in ids if pk in rows], number, paginator)
