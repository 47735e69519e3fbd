"""The returns registry: every return is one module in `caseload.returns.catalogue`.

A return declares what it is (name, title, description), what it reads (the recorded facts and
derived caches, by model label), its time (an "as at" day, or a period ending on that day), its
columns and the query that yields its rows. The pages, the API, the CLI and the CSV and XLSX
writers serve every return from this declaration, so adding a return is adding one module that
calls `register(Return(...))`.

Rows come from set-based queries (`values_list(...).iterator()`), never one query per row, so a
national export streams. A return whose rows name people (`names_people=True`) lists only the
cases the user may see; its `summary` counts every case in scope, limited access or not,
without identity (`caseload.returns.scope`).
"""

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from caseload.returns.scope import ReturnScope

ColumnType = Literal["text", "number", "date", "percent"]
Cell = str | int | float | Decimal | date | None
Row = Sequence[Cell]


@dataclass(frozen=True)
class Column:
    """`name` is the machine name (JSON key, CSV header); `title` the words on the page."""

    name: str
    title: str
    type: ColumnType = "text"


@dataclass(frozen=True)
class Table:
    """A small table, already computed: a return's summary."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Chart:
    """A bar chart drawn from the summary: one bar per row, labelled by `label`, of `value`."""

    label: str
    value: str
    title: str


@dataclass(frozen=True)
class Return:
    name: str
    title: str
    description: str
    reads: tuple[str, ...]
    columns: tuple[Column, ...]
    rows: "Callable[[ReturnScope], Iterable[Row]]"
    time: Literal["as_at", "period"] = "as_at"
    names_people: bool = False
    summary: "Callable[[ReturnScope], Table] | None" = None
    chart: Chart | None = None
    #: How each measure is defined, with its public source: (measure, definition, source).
    measures: tuple[tuple[str, str, str], ...] = field(default=())

    def __post_init__(self) -> None:
        names = [c.name for c in self.columns]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: column names repeat")
        if self.chart is not None and self.summary is None:
            raise ValueError(f"{self.name}: a chart is drawn from the summary")


_RETURNS: dict[str, Return] = {}


def register(declared: Return) -> Return:
    if declared.name in _RETURNS and _RETURNS[declared.name] is not declared:
        raise ValueError(f"a return named {declared.name!r} is already registered")
    _RETURNS[declared.name] = declared
    return declared


def _discover() -> None:
    from caseload.returns import catalogue

    for module in pkgutil.iter_modules(catalogue.__path__):
        importlib.import_module(f"{catalogue.__name__}.{module.name}")


def all_returns() -> list[Return]:
    _discover()
    return sorted(_RETURNS.values(), key=lambda r: r.title)


def get_return(name: str) -> Return | None:
    _discover()
    return _RETURNS.get(name)
