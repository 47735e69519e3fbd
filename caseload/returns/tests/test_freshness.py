"""A return read from the replica says up to when its figures are complete, in UK time."""

from datetime import UTC, datetime

from caseload.core.replica import ReplicaState
from caseload.returns.freshness import in_words


def test_a_return_read_from_the_primary_says_nothing() -> None:
    assert in_words(None) == ""


def test_a_return_read_from_the_replica_gives_the_moment_in_uk_time() -> None:
    winter = ReplicaState(includes_up_to=datetime(2026, 12, 2, 14, 31, tzinfo=UTC))
    summer = ReplicaState(includes_up_to=datetime(2026, 7, 1, 13, 5, tzinfo=UTC))
    assert in_words(winter) == (
        "These figures come from a copy of the records kept for returns: they include every "
        "change recorded up to 2:31pm on 2 December 2026."
    )
    assert in_words(summer).endswith("up to 2:05pm on 1 July 2026.")


def test_a_replica_that_cannot_tell_says_it_may_be_behind() -> None:
    assert in_words(ReplicaState(includes_up_to=None)) == (
        "These figures come from a copy of the records kept for returns, which may not yet "
        "include the latest changes."
    )
