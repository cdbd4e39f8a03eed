"""The one Jinja2 environment: autoescape on for HTML and SVG, undefined names are errors."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    select_autoescape,
)
from markupsafe import Markup

from glamwiki import __version__


def template_loader() -> PackageLoader:
    """The loader of glamwiki's own templates; put it last in a ``ChoiceLoader`` to reuse them."""
    return PackageLoader("glamwiki.render", "templates")


def number(value: object) -> str:
    """A table cell or headline figure: integers with thousands separators, floats to one place."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.1f}"
    return "" if value is None else str(value)


def make_environment(loaders: Sequence[BaseLoader] = ()) -> Environment:
    """An environment with glamwiki's filters and globals; ``loaders`` are searched before
    glamwiki's own templates (a web application's templates can then extend or include them)."""
    loader: BaseLoader = ChoiceLoader([*loaders, template_loader()]) if loaders else template_loader()
    env = Environment(
        loader=loader,
        autoescape=select_autoescape(("html", "svg", "xml"), default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["number"] = number
    env.globals["version"] = __version__
    env.globals["fail"] = _fail
    return env


def _fail(message: str) -> None:
    raise TemplateError(message)


@cache
def environment() -> Environment:
    """The shared environment of glamwiki's templates."""
    return make_environment()


def render_template(template: str, /, **context: Any) -> Markup:
    """A template rendered to (escaped, safe) HTML."""
    return Markup(environment().get_template(template).render(**context))
