"""Revisions: each applies the SQL file of the same name (``glamwiki.store.schema.apply_sql``)."""
