"""Apply migrations/0003_linking.sql."""

from glamwiki.store.schema import apply_sql

revision = "0003_linking"
down_revision = "0002_rights"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
