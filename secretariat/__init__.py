"""The project package: settings, root URLs, WSGI/ASGI, and what belongs to no single app.

It is also an installed app (label ``secretariat``) for the pieces that are
the site's own rather than a content type's: the editable pages (accessibility
statement, privacy notice), the health check and ``load_demo`` (the demo content
of ``demo/``).
"""
