"""The errors actions raise: bad input (every failed rule, each naming its field), a change
that needs the user's confirmation first, and a stale edit (the record changed since the user
saw it). Pure: no Django."""

from collections.abc import Iterable
from dataclasses import dataclass

from caseload.core.versions import RecordVersion, when_in_words


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


class ConfirmationNeeded(Exception):
    """Raised by an action before anything is written when doing it would also end or replace
    something the user may not have meant to (adding a registration ends the current one of
    its kind). The action takes `confirmed=True` to go ahead; the page asks, the API says 409.
    """

    def __init__(
        self, question: str, consequences: Iterable[str], *, go_ahead: str = "Save"
    ) -> None:
        #: A heading for the page that asks, e.g. "Adding this registration ends another".
        self.question = question
        #: What else would happen, each in plain words.
        self.consequences = list(consequences)
        #: The page's button that goes ahead, e.g. "Add it and end the current one".
        self.go_ahead = go_ahead
        super().__init__(f"{question}: {'; '.join(self.consequences)}")

    def as_json(self) -> dict[str, object]:
        """The API's 409 body: what would happen, and how to go ahead."""
        return {
            "detail": f'{self.question}. Send "confirmed": true to go ahead.',
            "consequences": self.consequences,
        }


class StaleEdit(Exception):
    """Raised by an action before anything is written when the record it would change (or
    replace) is no longer the version the user saw: someone else changed it in the meantime.

    Carries both versions in plain words, so the page can show "what you saw" beside "what is
    recorded now" (409) and the API can return both (409 `as_json()`).
    """

    def __init__(
        self, record: str, *, seen: RecordVersion | None, recorded: RecordVersion | None
    ) -> None:
        #: What was edited, in words: "registration", "current accommodation".
        self.record = record
        self.seen = seen
        self.recorded = recorded
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """e.g. "The registration was changed by Mona Jones at 2:05pm on 3 March 2026 after you
        opened it. Nothing has been saved." """
        changed = f"The {self.record} was changed"
        if self.recorded is not None and self.recorded.changed_by:
            changed += f" by {self.recorded.changed_by}"
        if self.recorded is not None and self.recorded.changed_at is not None:
            changed += f" at {when_in_words(self.recorded.changed_at)}"
        return f"{changed} after you opened it. Nothing has been saved."

    def as_json(self) -> dict[str, object]:
        """The API's 409 body: the message, and both versions (None where there was none)."""
        return {
            "detail": self.message,
            "record": self.record,
            "seen": self.seen.as_json() if self.seen else None,
            "recorded": self.recorded.as_json() if self.recorded else None,
        }
