"""Apply migrations/0023_web_dashboards.sql."""

from glamwiki.store.schema import apply_sql

revision = "0023_web_dashboards"
down_revision = "0022_web_site"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
