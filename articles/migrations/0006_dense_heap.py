"""Keep the article table's rows small: long values (body, search vector, lead) live in TOAST.

Lists, archives, counts and the search's candidates read only short columns of
many rows (title, dates, status). With the long values inline, a row took about
2 kB and the table's pages held a handful of articles each; at 50,000 articles a
common search word visited ~8,000 pages to sort its matches by date. Moved out
from 128 bytes on, the table is about a fifth of that size, and a page or an
article reads its long values from TOAST by index.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_public_order_index")]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE articles_article SET (toast_tuple_target = 128)",
            reverse_sql="ALTER TABLE articles_article RESET (toast_tuple_target)",
        ),
    ]
