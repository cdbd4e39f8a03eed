"""The project's store. Every stage reaches the database through this package only.

SQLite is the embedded default (``glamwiki.db`` in the project folder); ``store.url`` chooses a
shared PostgreSQL database, one schema per project (docs/adr/0007, docs/store.md). Stages call
the ``Store`` methods and the repository functions beside it, never a driver directly.
"""

from glamwiki.store.db import Store, list_projects, open_store

__all__ = ["Store", "list_projects", "open_store"]
