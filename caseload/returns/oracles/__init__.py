"""Hand-written SQL for each return: the yardstick the returns are tested and timed against.

Each module here registers one function per return with `@oracle(name)`: one plain SQL
statement (portable between SQLite and PostgreSQL) computing the same rows as the return, for a
user who may see every case in a delivery unit (or the nation). `caseload bench returns` times
the two side by side, and `tests/test_oracles.py` checks they agree on seeded data.
"""

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from caseload.returns.registry import Cell


@dataclass(frozen=True)
class OracleParams:
    as_at: date
    period_from: date
    delivery_unit_id: int | None = None


Oracle = Callable[[OracleParams], list[tuple[Cell, ...]]]
_ORACLES: dict[str, Oracle] = {}


def oracle(name: str) -> Callable[[Oracle], Oracle]:
    def register(function: Oracle) -> Oracle:
        _ORACLES[name] = function
        return function

    return register


def all_oracles() -> dict[str, Oracle]:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return dict(_ORACLES)
