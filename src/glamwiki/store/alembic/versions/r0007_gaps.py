"""Apply migrations/0007_gaps.sql."""

from glamwiki.store.schema import apply_sql

revision = "0007_gaps"
down_revision = "0006_reach_sources"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
