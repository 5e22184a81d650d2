"""The benchmark's settings (``make bench``): production's, plus the ``benchmark`` app.

The app only adds the benchmark's management commands (``bench_data``,
``bench_pages``, ``bench_newsletter``); the site itself never installs it.
"""

from .production import *  # noqa: F403
from .production import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "benchmark"]
