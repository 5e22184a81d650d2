"""What the site knows about who sent a request: the client's address, also
behind reverse proxies. Login lockouts, the newsletter's signup limits and the
consent ledger all use it, so they agree on who a visitor is."""

from django.conf import settings


def client_ip(request):
    """The visitor's address, also behind ``TRUSTED_PROXY_COUNT`` reverse proxies.

    Each proxy appends the address it received the request from to
    ``X-Forwarded-For``, so the entry that many places from the right was
    written by our own outermost proxy and cannot be forged. Entries further
    left come from the client and are ignored.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote_addr
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        # The request did not come through all the proxies: trust only the socket.
        return remote_addr
    return forwarded[-count]
