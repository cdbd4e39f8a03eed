"""Apply migrations/0010_ingest_pid.sql."""

from glamwiki.store.schema import apply_sql

revision = "0010_ingest_pid"
down_revision = "0009_wikidata_items"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
