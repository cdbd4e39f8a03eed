"""Alembic environment of the store: one revision per SQL file in ``glamwiki.store.migrations``."""
