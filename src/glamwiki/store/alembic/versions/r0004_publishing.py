"""Apply migrations/0004_publishing.sql."""

from glamwiki.store.schema import apply_sql

revision = "0004_publishing"
down_revision = "0003_linking"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
