"""Apply migrations/0022_web_site.sql."""

from glamwiki.store.schema import apply_sql

revision = "0022_web_site"
down_revision = "0021_event_participants"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
