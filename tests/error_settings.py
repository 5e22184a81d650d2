"""The production settings, with ``/fel/<status>/`` answering each error page.

See tests/error_urls.py.
"""

from secretariat.settings.production import *  # noqa: F403

ROOT_URLCONF = "tests.error_urls"
