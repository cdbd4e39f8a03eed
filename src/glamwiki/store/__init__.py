"""The project's store. Every stage reaches the database through this package only.

SQLite is the embedded default (``glamwiki.db`` in the project folder). The ``Store`` class is
the seam where a PostgreSQL backend for shared installs would go: stages call its methods and
the repository functions beside it, never ``sqlite3`` directly (see docs/adr/0001).
"""

from glamwiki.store.db import Store, open_store

__all__ = ["Store", "open_store"]
