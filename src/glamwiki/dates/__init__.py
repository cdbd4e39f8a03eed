"""Messy catalogue dates to intervals (earliest/latest day) with the original text kept."""

from glamwiki.dates.lifespan import Lifespan, parse_lifespan
from glamwiki.dates.parse import DateEvent, parse_date, parse_date_events, parse_year_value

__all__ = [
    "DateEvent",
    "Lifespan",
    "parse_date",
    "parse_date_events",
    "parse_lifespan",
    "parse_year_value",
]
