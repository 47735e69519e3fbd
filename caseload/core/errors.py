"""The one error type actions raise for bad input: every failed rule, each naming its field."""

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldProblem:
    field: str
    rule: str
    message: str


class ActionInvalid(Exception):
    """Raised by an action before anything is written; carries every problem found."""

    def __init__(self, problems: Iterable[FieldProblem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in self.problems))

    def as_json(self) -> dict[str, object]:
        return {
            "detail": [
                {"loc": ["body", p.field], "type": p.rule, "msg": p.message} for p in self.problems
            ]
        }


class AccessDenied(Exception):
    """The user may not use this surface at all (403). Cases they may not see are 404 instead."""

    def __init__(self, needs: str) -> None:
        self.needs = needs
        super().__init__(f"You do not have access: this needs the capability to {needs}")
