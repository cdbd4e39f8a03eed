"""Apply migrations/0013_portable_names.sql."""

from glamwiki.store.schema import apply_sql

revision = "0013_portable_names"
down_revision = "0012_publishing_plans"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
