"""pg_trgm, for search that tolerates a misspelt word. A trusted extension:
the database owner may create it, no superuser needed (PostgreSQL 13+)."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [TrigramExtension()]
