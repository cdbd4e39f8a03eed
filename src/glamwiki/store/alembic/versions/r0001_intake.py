"""Apply migrations/0001_intake.sql."""

from glamwiki.store.schema import apply_sql

revision = "0001_intake"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
