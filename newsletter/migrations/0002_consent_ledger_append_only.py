"""The consent ledger is append-only: the database itself refuses UPDATE and DELETE.

Erasing a subscriber blanks the subscriber row, never the ledger, which holds
nothing personal. (TRUNCATE, which only a database owner runs, is not blocked.)
"""

from django.db import migrations

FORWARD = """
CREATE FUNCTION newsletter_consentevent_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'The consent ledger is append-only: % is not allowed.', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER newsletter_consentevent_append_only
    BEFORE UPDATE OR DELETE ON newsletter_consentevent
    FOR EACH ROW EXECUTE FUNCTION newsletter_consentevent_append_only();
"""

BACKWARD = """
DROP TRIGGER newsletter_consentevent_append_only ON newsletter_consentevent;
DROP FUNCTION newsletter_consentevent_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
