"""Apply migrations/0021_event_participants.sql."""

from glamwiki.store.schema import apply_sql

revision = "0021_event_participants"
down_revision = "0020_web_identities"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
