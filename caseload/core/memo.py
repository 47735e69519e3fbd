"""Reads remembered for the length of one page: the case page's identity bar and its panels
ask for the same facts (the registrations, the tier, the essentials) and each is read once.

A view that shows one case wraps its rendering in `remembering()`; a reader wraps its query in
`remembered(key, read)`. Outside `remembering()` every call reads afresh, so an action, a test or
a command that writes and then reads again never sees what it read before the write.
"""

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_memo: ContextVar[dict[Hashable, object] | None] = ContextVar("remembered_reads", default=None)


@contextmanager
def remembering() -> Iterator[None]:
    """Inside, each `remembered` key is read once."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def remembered(key: Hashable, read: Callable[[], T]) -> T:
    memo = _memo.get()
    if memo is None:
        return read()
    if key not in memo:
        memo[key] = read()
    return memo[key]  # type: ignore[return-value]
