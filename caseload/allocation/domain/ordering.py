"""The order the national allocation tool lists practitioners in for a case.

ministryofjustice/manage-a-workforce-ui@b37929d3 (choose practitioner, reference `workload.md`
§10.2): by grade, PO (3) before PSO (2) before PQiP (1) before any other grade (0); within a
grade, the lowest workload percentage first. Our tie-break (same grade and percentage): name.
"""

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TypeVar

GRADE_ORDER = {"PO": 3, "PSO": 2, "PQIP": 1}

T = TypeVar("T")


def grade_order(grade: str) -> int:
    return GRADE_ORDER.get(grade, 0)


def national_order(
    practitioners: Iterable[T],
    *,
    grade: Callable[[T], str],
    capacity: Callable[[T], Decimal],
    name: Callable[[T], str],
) -> list[T]:
    return sorted(practitioners, key=lambda p: (-grade_order(grade(p)), capacity(p), name(p)))
