"""The case record, built from panels that the parts contribute.

Each part declares its case-page panels in its own `panels.py`, found at start-up like the
admin's `admin.py` (`PeopleConfig.ready`). A panel's `context(person, viewer)` loads what its
template needs, in a fixed number of queries; the case page shows the panels in `order`, and the
API's whole-record JSON (`serialise.py`) reads the same gathered context, so page and API agree.

Sensitive data (contact and other free-text notes, victim and family details, equality data) is
withheld from a viewer without the capability to see it: a panel that is sensitive as a whole is
replaced by a "withheld" notice and its context is never loaded; a panel with some sensitive
fields leaves them out when `viewer.sees_sensitive` is false.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

from django.core.exceptions import ImproperlyConfigured

from caseload.people.models import Person

WITHHELD_TEMPLATE = "people/panels/withheld.html"

#: The case record's sections, as the MoJ sub-navigation shows them: (key, title, URL slug).
#: A panel names the section it belongs to; the overview is the case page itself.
Section = Literal["overview", "personal", "risk", "sentence", "activity", "compliance"]
SECTIONS: tuple[tuple[Section, str, str], ...] = (
    ("overview", "Overview", ""),
    ("personal", "Personal details", "personal-details"),
    ("risk", "Risk", "risk"),
    ("sentence", "Sentence", "sentence"),
    ("activity", "Activity log", "activity-log"),
    ("compliance", "Compliance", "compliance"),
)


def section_back_label(url_name: str) -> str:
    """What "Back to ..." calls a section's page, by its URL name ("case_risk" is "risk");
    "" for a page that is not a section (the overview is the person's name)."""
    for key, title, _slug in SECTIONS:
        if key != "overview" and url_name == f"case_{key}":
            return title[:1].lower() + title[1:]
    return ""


@dataclass(frozen=True)
class CaseViewer:
    """What the person looking at a case may see and do (`caseload.access.cases.case_viewer`)."""

    sees_sensitive: bool
    can_change: bool
    #: For a panel that offers a task to some roles only (it asks `has_capability(viewer.user, …)`).
    user: Any = None


def shows_the_person_only(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class CasePanel:
    """`width` "one-half" sets a panel beside the next one-half panel, in one grid row."""

    key: str
    order: int
    template: str
    context: Callable[[Person, CaseViewer], dict[str, Any]] = shows_the_person_only
    width: Literal["full", "one-half"] = "full"
    #: The whole panel is sensitive (equality data): withheld from viewers who may not see it.
    sensitive: bool = False
    section: Section = "overview"

    def withheld_from(self, viewer: CaseViewer) -> bool:
        return self.sensitive and not viewer.sees_sensitive


_panels: dict[str, CasePanel] = {}


def register_panel(panel: CasePanel) -> None:
    if panel.key in _panels:
        raise ImproperlyConfigured(f"Two case-page panels are called {panel.key!r}")
    _panels[panel.key] = panel


def case_panels(
    viewer: CaseViewer | None = None, section: Section | None = None
) -> list[CasePanel]:
    """In page order, of one section or all; for a viewer, each panel withheld from them is the
    "withheld" notice."""
    panels = sorted(
        (p for p in _panels.values() if section is None or p.section == section),
        key=lambda panel: panel.order,
    )
    if viewer is None:
        return panels
    return [
        replace(p, template=WITHHELD_TEMPLATE) if p.withheld_from(viewer) else p for p in panels
    ]


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


@dataclass(frozen=True)
class CaseAction:
    """A button on the case record that opens a case action page (`url_name`, taking the CRN),
    on the sections where its task belongs; shown to viewers who may change the case."""

    label: str
    url_name: str
    sections: tuple[Section, ...]
    order: int


_actions: dict[str, CaseAction] = {}


def register_case_action(action: CaseAction) -> None:
    if action.url_name in _actions:
        raise ImproperlyConfigured(f"Two case actions open {action.url_name!r}")
    _actions[action.url_name] = action


def case_actions(section: Section) -> list[CaseAction]:
    """The section's buttons in order; the first is its main task."""
    return sorted((a for a in _actions.values() if section in a.sections), key=lambda a: a.order)


def case_record(
    person: Person, viewer: CaseViewer, section: Section | None = None
) -> dict[str, Any]:
    """Every panel's context for one case (or one section of it), with the person and the
    viewer; no two panels may share a name. A panel withheld from the viewer loads nothing."""
    record: dict[str, Any] = {
        "person": person,
        "viewer": viewer,
        "withheld": sorted(p.key for p in case_panels() if p.withheld_from(viewer)),
    }
    for panel in case_panels(section=section):
        if panel.withheld_from(viewer):
            continue
        context = panel.context(person, viewer)
        if clash := record.keys() & context.keys():
            raise ImproperlyConfigured(f"Panel {panel.key!r} would replace {sorted(clash)}")
        record.update(context)
    return record
