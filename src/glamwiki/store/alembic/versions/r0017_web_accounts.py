"""Apply migrations/0017_web_accounts.sql."""

from glamwiki.store.schema import apply_sql

revision = "0017_web_accounts"
down_revision = "0016_rights_runs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
