"""Apply migrations/0009_wikidata_items.sql."""

from glamwiki.store.schema import apply_sql

revision = "0009_wikidata_items"
down_revision = "0008_rights_presumptions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_sql(revision)
