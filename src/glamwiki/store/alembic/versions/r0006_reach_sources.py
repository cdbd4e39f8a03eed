"""Apply migrations/0006_reach_sources.sql."""

from glamwiki.store.schema import apply_sql

revision = "0006_reach_sources"
down_revision = "0005_reach"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
