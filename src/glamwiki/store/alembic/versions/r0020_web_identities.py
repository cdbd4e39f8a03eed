"""Apply migrations/0020_web_identities.sql."""

from glamwiki.store.schema import apply_sql

revision = "0020_web_identities"
down_revision = "0019_reach_dump_counts_by_page"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
