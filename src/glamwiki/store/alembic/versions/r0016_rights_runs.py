"""Apply migrations/0016_rights_runs.sql."""

from glamwiki.store.schema import apply_sql

revision = "0016_rights_runs"
down_revision = "0015_jobs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
