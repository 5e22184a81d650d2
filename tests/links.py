"""The links a page offers a reader, for tests that follow them."""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)  # HTMLParser has already decoded &amp; and the like


def internal_links(html, page_url="/"):
    """The site's own addresses linked from html, as paths with their query, in order.

    page_url is the address of the page (a path, or a whole URL on a live server):
    relative links are resolved against it and links to other hosts, mailto: and
    the like are left out. Fragments are dropped; each address comes once.
    """
    parser = _Links()
    parser.feed(html)
    host = urlsplit(page_url).netloc
    found = []
    for href in parser.hrefs:
        url = urlsplit(urljoin(page_url, href))
        if url.scheme not in ("", "http", "https") or url.netloc != host:
            continue
        path = url.path + (f"?{url.query}" if url.query else "")
        if path not in found:
            found.append(path)
    return found
