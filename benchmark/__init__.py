"""The benchmark behind ``make bench``: developer tools, not part of the running site.

Only ``secretariat.settings.bench`` (production's settings plus this app)
installs it, so its commands (``bench_data``, ``bench_pages``,
``bench_newsletter``) exist only there. Inside:

- ``data``: a large generated archive, written with COPY; ``pages``: the pages
  measured, found in whatever database the benchmark runs against;
- ``site``, ``steps`` and ``targets``: the run itself, driven by
  ``scripts/bench.py`` outside Django: the databases, gunicorn under ``wrk``,
  the import and newsletter rates, and the table with its targets.
"""
