"""Publishing settings from the project's ``[publishing]`` section (overridable from the environment)."""

from __future__ import annotations

from glamwiki.config import Config
from glamwiki.project import Project
from glamwiki.publishing.plan import PlanSettings
from glamwiki.publishing.titles import DEFAULT_PATTERN
from glamwiki.publishing.upload import UploadSettings
from glamwiki.wikimedia.guard import allow_hosts


def plan_settings(config: Config, title_pattern: str | None = None) -> PlanSettings:
    cats = config.get("publishing", "categories", ["Files from {institution}"])
    if isinstance(cats, str):
        cats = [c.strip() for c in cats.split(";") if c.strip()]
    return PlanSettings(
        title_pattern=title_pattern or str(config.get("publishing", "title_pattern", DEFAULT_PATTERN)),
        institution=str(config.get("project", "institution", "")),
        language=str(config.get("publishing", "language", "en")),
        categories=tuple(cats),
        collection_qid=config.get("publishing", "collection_qid", None) or None,
        all_images=bool(config.get("publishing", "all_images", True)),
        institution_template=str(config.get("publishing", "institution_template", "") or ""),
        creator_category=str(config.get("publishing", "creator_category", "{type_plural} by {creator}")),
        group_category=str(config.get("publishing", "group_category", "{catalogue_group} ({catalogue_group_type})")),
        tracking_category=str(config.get("publishing", "tracking_category", "Uploaded with glamwiki batch {batch}")),
        subject_table=config.get("publishing", "subject_table", None) or None,
        min_long_side=int(config.get("publishing", "min_long_side", 1000)),
    )


def upload_settings(project: Project) -> UploadSettings:
    config = project.config
    return UploadSettings(
        chunk_size=int(config.get("publishing", "chunk_size", 4 * 1024 * 1024)),
        cache=project.root / ".glamwiki-cache" / "publishing",
        preflight_titles=bool(config.get("publishing", "preflight_titles", True)),
        allow_hosts=allow_hosts(config.get("network", "allow_hosts", [])),
        same_object_search=bool(config.get("publishing", "same_object_search", True)),
        institution=str(config.get("project", "institution", "")),
        min_long_side=int(config.get("publishing", "min_long_side", 1000)),
    )
