"""Apply migrations/0011_books.sql."""

from glamwiki.store.schema import apply_sql

revision = "0011_books"
down_revision = "0010_ingest_pid"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
