"""Settings package.

Two entry points: ``secretariat.settings.development`` (the default of
``manage.py``) and ``secretariat.settings.production`` (the default of
``wsgi.py``, ``asgi.py`` and ``make serve``). Both read the environment; see
``base.py`` for the variables.
"""
