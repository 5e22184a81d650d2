"""Old addresses that answer 301 with the new one, through Django's redirects app.

``record_move`` is the one way code says "this page moved": a renamed person, a
re-slugged organisation, an imported archive. Staff see and edit the rows under
"Omdirigeringar"; ``articles.joomla.addresses.OldAddressMiddleware`` (Django's
``RedirectFallbackMiddleware`` extended) answers them, only where the site
would otherwise answer 404.
"""

from contextlib import contextmanager

from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site


def record_move(old_path, new_path):
    """Make ``old_path`` answer 301 with ``new_path``; no chains, no loops.

    Redirects that led to ``old_path`` now lead straight to ``new_path``, and one
    away from ``new_path`` (the page moving back) is removed.
    """
    if old_path == new_path:
        return
    site = Site.objects.get_current()
    Redirect.objects.filter(site=site, new_path=old_path).update(new_path=new_path)
    Redirect.objects.filter(site=site, old_path=new_path).delete()
    Redirect.objects.update_or_create(site=site, old_path=old_path, defaults={"new_path": new_path})


@contextmanager
def keeping_old_address(instance, public):
    """Around a save: if a public object's address changes, its old one answers 301.

    ``public`` returns the queryset of what the public may see (``Person.objects.public``),
    asked only for an object saved before (building it costs more than a new
    object's save); a draft's address was never public, so its changes are not recorded.
    """
    old = public().filter(pk=instance.pk).first() if instance.pk is not None else None
    old_path = old.get_absolute_url() if old else None
    yield
    if old_path:
        record_move(old_path, instance.get_absolute_url())
