"""The cache every worker and server shares: counters per visitor live here.

Signup rate limits (``newsletter.views.over_limit``) count attempts in the
``default`` cache. A count kept in one gunicorn worker's memory multiplies the
limit by the number of workers and forgets it on every restart, so the default
cache is shared: Django's database cache on the site's own PostgreSQL, which
needs no extra service, or Redis when ``CACHE_URL`` names it. (Login lockouts
need nothing here: django-axes keeps its counts in its own tables.)

The database cache's table is made by ``migrate`` (``create_cache_table``
runs after it, as ``manage.py createcachetable`` would), so a new server needs
no extra step.
"""

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.core.management import call_command
from django.db import connections, router
from django.utils import timezone


class DatabaseCache(DjangoDatabaseCache):
    """Django's database cache with an ``incr`` fit for counting across workers.

    Django's ``incr`` reads the value and writes it back with a new timeout: two
    workers counting at the same moment both write n + 1, and each count moves the
    window's end. This one changes the row only if it still holds what was read
    (retrying otherwise), so concurrent counts are all counted, and keeps the
    row's expiry: a limit of 10 an hour stays 10 an hour.
    """

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        connection = connections[router.db_for_write(self.cache_model_class)]
        table = connection.ops.quote_name(self._table)
        with connection.cursor() as cursor:
            while True:
                cursor.execute(
                    f"SELECT value FROM {table} WHERE cache_key = %s AND expires > %s",  # noqa: S608
                    [key, timezone.now()],
                )
                row = cursor.fetchone()
                if row is None:
                    raise ValueError(f"Key {key!r} not found")
                # The stored form of Django's database cache: pickled, then base64.
                value = pickle.loads(base64.b64decode(row[0])) + delta  # noqa: S301 (our own rows)
                stored = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode()
                cursor.execute(
                    f"UPDATE {table} SET value = %s WHERE cache_key = %s AND value = %s",  # noqa: S608
                    [stored, key, row[0]],
                )
                if cursor.rowcount == 1:
                    return value


def create_cache_table(sender, using="default", verbosity=1, **kwargs):
    """post_migrate receiver: the database cache's table, made if it is missing."""
    call_command("createcachetable", database=using, verbosity=max(verbosity - 1, 0))
