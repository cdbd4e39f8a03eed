"""HTML in one place: one Jinja2 environment and its templates, for the report, the publishing
preview and the reconciliation previews (and the web workspace, which adds its own templates in
front of these with a ``ChoiceLoader``: see ``make_environment``). Python computes data-only view
models (``glamwiki.render.blocks``); the templates turn them into HTML, escaping every value."""

from glamwiki.render.env import environment, make_environment, render_template, template_loader

__all__ = ["environment", "make_environment", "render_template", "template_loader"]
