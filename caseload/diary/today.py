"""Sections of the Today page that other parts add, as panels are added to the case page.

A part that has work for the practitioner's day (issue 10's essential work due and overdue)
registers a section in its own `today.py`:

    register_today_section(TodaySection("essentials", 30, "essentials/today.html", due_for))

`context(user)` loads what the template needs for the signed-in practitioner, through the
access function; Today shows every registered section after its own two, in `order`, except
that a section with a negative `order` (a notice, such as cases handed over) comes before them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class TodaySection:
    key: str
    order: int
    template: str
    context: Callable[[Any], dict[str, Any]]


_sections: dict[str, TodaySection] = {}


def register_today_section(section: TodaySection) -> None:
    if section.key in _sections:
        raise ImproperlyConfigured(f"Two sections of Today are called {section.key!r}")
    _sections[section.key] = section


def today_sections() -> list[TodaySection]:
    return sorted(_sections.values(), key=lambda s: s.order)
