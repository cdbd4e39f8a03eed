"""Apply migrations/0008_rights_presumptions.sql."""

from glamwiki.store.schema import apply_sql

revision = "0008_rights_presumptions"
down_revision = "0007_gaps"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
