"""Moving in from the old Joomla 4/5 site: articles, pictures and addresses.

- ``documents``: the old site's JSON:API documents, from a folder or live;
- ``fields``: one article's attributes as this site's fields;
- ``texts`` and ``pictures``: links and pictures inside texts, and the articles' pictures;
- ``importer``: writing them, each article in its own transaction;
- ``addresses``: the old addresses, read for the links and answered with a 301.

``manage.py import_joomla`` runs it (``articles/management/commands/``).
"""
