"""Apply migrations/0012_publishing_plans.sql."""

from glamwiki.store.schema import apply_sql

revision = "0012_publishing_plans"
down_revision = "0011_books"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
