"""Apply migrations/0002_rights.sql."""

from glamwiki.store.schema import apply_sql

revision = "0002_rights"
down_revision = "0001_intake"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
