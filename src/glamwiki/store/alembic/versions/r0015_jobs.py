"""Apply migrations/0015_jobs.sql."""

from glamwiki.store.schema import apply_sql

revision = "0015_jobs"
down_revision = "0014_decision_events"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
