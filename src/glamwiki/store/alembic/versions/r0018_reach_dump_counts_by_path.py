"""Apply migrations/0018_reach_dump_counts_by_path.sql."""

from glamwiki.store.schema import apply_sql

revision = "0018_reach_dump_counts_by_path"
down_revision = "0017_web_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
