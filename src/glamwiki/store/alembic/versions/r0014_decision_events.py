"""Apply migrations/0014_decision_events.sql."""

from glamwiki.store.schema import apply_sql

revision = "0014_decision_events"
down_revision = "0013_portable_names"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
