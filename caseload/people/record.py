"""The case record, built from panels that the parts contribute.

Each part declares its case-page panels in its own `panels.py`, found at start-up like the
admin's `admin.py` (`PeopleConfig.ready`). A panel's `context(person)` loads what its template
needs, in a fixed number of queries; the case page shows the panels in `order`, and the API's
whole-record JSON (`serialise.py`) reads the same gathered context, so page and API agree.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from django.core.exceptions import ImproperlyConfigured

from caseload.people.models import Person


def shows_the_person_only(person: Person) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class CasePanel:
    """`width` "one-half" sets a panel beside the next one-half panel, in one grid row."""

    key: str
    order: int
    template: str
    context: Callable[[Person], dict[str, Any]] = shows_the_person_only
    width: Literal["full", "one-half"] = "full"


_panels: dict[str, CasePanel] = {}


def register_panel(panel: CasePanel) -> None:
    if panel.key in _panels:
        raise ImproperlyConfigured(f"Two case-page panels are called {panel.key!r}")
    _panels[panel.key] = panel


def case_panels() -> list[CasePanel]:
    return sorted(_panels.values(), key=lambda panel: panel.order)


def panel_rows(panels: list[CasePanel]) -> list[list[CasePanel]]:
    """The page's rows: a full-width panel alone, one-half panels two by two."""
    rows: list[list[CasePanel]] = []
    for panel in panels:
        pairs = rows and len(rows[-1]) == 1 and rows[-1][0].width == "one-half"
        if panel.width == "one-half" and pairs:
            rows[-1].append(panel)
        else:
            rows.append([panel])
    return rows


def case_record(person: Person) -> dict[str, Any]:
    """Every panel's context for one case, with the person; no two panels may share a name."""
    record: dict[str, Any] = {"person": person}
    for panel in case_panels():
        context = panel.context(person)
        if clash := record.keys() & context.keys():
            raise ImproperlyConfigured(f"Panel {panel.key!r} would replace {sorted(clash)}")
        record.update(context)
    return record
