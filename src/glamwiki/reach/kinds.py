"""The closed sets of words reach works with: the agent types of the Wikimedia pageview figures and
the granularity of a series. Literals, so the values stay plain strings for DuckDB and Spark.

Agent types as the Pageviews REST API names them (``user``, ``spider``, ``automated``):
https://wikitech.wikimedia.org/wiki/Analytics/AQS/Pageviews
"""

from __future__ import annotations

from typing import Literal, get_args

from glamwiki.errors import ConfigError

Agent = Literal["user", "spider", "automated"]
DumpAgent = Literal["user", "spider", "automated", "all"]  # "all": mediacounts have no agent column
Granularity = Literal["monthly", "daily", "hourly"]
Engine = Literal["duckdb", "spark"]  # what aggregates dump files

AGENTS: tuple[Agent, ...] = get_args(Agent)
ENGINES: tuple[Engine, ...] = get_args(Engine)


def as_agent(text: str) -> Agent:
    """The agent type named ``text``; ValueError for any other word."""
    for agent in AGENTS:
        if agent == text:
            return agent
    raise ValueError(f"{text!r} is not an agent type ({', '.join(AGENTS)})")


def parse_agents(text: str) -> tuple[Agent, ...]:
    """``"user,spider"`` -> ``("user", "spider")``; a clear error for anything else."""
    wanted = [a.strip() for a in text.split(",") if a.strip()]
    agents = tuple(as_agent(w) for w in wanted if w in AGENTS)
    if not wanted or len(agents) != len(wanted):
        raise ConfigError(f"--agents {text!r}: use user, spider and/or automated, comma-separated.")
    return agents
