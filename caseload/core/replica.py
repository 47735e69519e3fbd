"""Reads that may come from a PostgreSQL streaming replica, and only those.

With `DATABASE_REPLICA_URL` set, settings add a `replica` database alias and install
`ReplicaRouter`. Code that may read a copy a few seconds behind says so by entering
`reading_from_replica()` (the returns and their exports do); every other read, and every write
wherever it happens, goes to the primary. The router never guesses from the model: a page that
shows a case just written must read the primary, and a router choosing by model would let such a
read drift to a stale copy the day someone reuses a model in a return.

`REPLICA_READS=false` sends those reads back to the primary without removing the alias (while
the replica is rebuilt, say); the test suite runs that way, as a test's own writes are
uncommitted and no standby could see them, except `returns/tests/test_replica.py`.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

REPLICA = "replica"

T = TypeVar("T")

_reading = ContextVar("reading_from_replica", default=False)


def replica_in_use() -> bool:
    """Whether reads inside `reading_from_replica()` go to the replica."""
    return REPLICA in settings.DATABASES and settings.REPLICA_READS


@contextmanager
def reading_from_replica() -> Iterator[None]:
    """Inside this block reads go to the replica when there is one; writes never do."""
    token = _reading.set(True)
    try:
        yield
    finally:
        _reading.reset(token)


def streamed_from_replica(items: Iterable[T]) -> Iterator[T]:
    """`items`, each read from the replica: for a streamed response, which the server consumes
    after the view has returned. The replica is chosen around each step only, so the server's
    own work between the steps (and anything after the last) reads the primary."""
    iterator = iter(items)
    while True:
        with reading_from_replica():
            try:
                item = next(iterator)
            except StopIteration:
                return
        yield item


class ReplicaRouter:
    """Reads inside `reading_from_replica()` to the replica, everything else to the primary.

    The primary is named even where Django would otherwise follow a row to the database it came
    from, so that a row read from the replica and used later reads its relations from the
    primary, and it is saved to the primary."""

    def db_for_read(self, model: type, **hints: Any) -> str:
        return REPLICA if _reading.get() and replica_in_use() else DEFAULT_DB_ALIAS

    def db_for_write(self, model: type, **hints: Any) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        """A row read from the replica is the primary's row: they may be related."""
        aliases = {DEFAULT_DB_ALIAS, REPLICA}
        return True if {obj1._state.db, obj2._state.db} <= aliases else None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        """The replica is read-only: it takes the primary's schema through replication."""
        return False if db == REPLICA else None


@dataclass(frozen=True)
class ReplicaState:
    """How far the replica has got. `includes_up_to`: every change recorded on the primary
    before it is on the replica (now, when it has replayed all the primary has written; else
    the commit time of the latest change it has replayed); None when it cannot tell (it is
    behind and has replayed nothing since it started)."""

    includes_up_to: datetime | None


def replica_state() -> ReplicaState | None:
    """The replica's state, or None when these reads go to the primary (always current)."""
    if not replica_in_use():
        return None
    with connections[DEFAULT_DB_ALIAS].cursor() as primary:
        primary.execute("SELECT pg_current_wal_lsn()")
        (written,) = primary.fetchone()
    with connections[REPLICA].cursor() as replica:
        replica.execute(
            "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn, pg_last_xact_replay_timestamp()",
            [written],
        )
        caught_up, replayed_at = replica.fetchone()
    return ReplicaState(includes_up_to=timezone.now() if caught_up else replayed_at)
