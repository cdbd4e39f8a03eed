"""The demo step of publishing: plan the batch and write the review page, offline (nothing is sent)."""

from __future__ import annotations

from glamwiki.project import Project
from glamwiki.publishing.plan import build_plan
from glamwiki.publishing.preview import write_preview
from glamwiki.publishing.settings import plan_settings
from glamwiki.store import Store


def demo_step(store: Store, project: Project) -> str:
    summary = build_plan(store, plan_settings(project.config))
    html = project.root / "publish-preview.html"
    write_preview(store, html, html.with_suffix(".jsonl"))
    return (
        f"publish plan: {summary.planned} files planned, {summary.held} held back (only a thumbnail, or a date "
        f"to review), {summary.blocked} records held back by rights (review {html.name}; nothing sent)"
    )
