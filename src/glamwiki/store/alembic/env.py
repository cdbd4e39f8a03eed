"""Alembic runs on the connection ``glamwiki.store.schema`` hands it; no alembic.ini, no URL here."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, transaction_per_migration=True)
with context.begin_transaction():
    context.run_migrations()
