"""Apply migrations/0019_web_site.sql."""

from glamwiki.store.schema import apply_sql

revision = "0019_web_site"
down_revision = "0018_reach_dump_counts_by_path"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
