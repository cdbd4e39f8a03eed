"""Apply migrations/0005_reach.sql."""

from glamwiki.store.schema import apply_sql

revision = "0005_reach"
down_revision = "0004_publishing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
