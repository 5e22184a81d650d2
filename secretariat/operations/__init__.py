"""Running the site: the page cache, backups, login protection and the audit history."""
