"""What a return says about when its figures were read, when they come from the replica.

The replica replays the primary's changes a moment later (`caseload.core.replica`): a return
read from it may miss the last few changes, which is acceptable for registers and statistics,
but it says so, and up to when its figures are complete."""

from django.utils import timezone

from caseload.core.replica import ReplicaState
from caseload.core.versions import when_in_words

COPY = "These figures come from a copy of the records kept for returns"


def in_words(state: ReplicaState | None) -> str:
    """A sentence for the page and the command line; empty when read from the primary.

    Ask for the state before reading the figures: replay only moves on, so figures read after
    it include at least everything it names."""
    if state is None:
        return ""
    if state.includes_up_to is None:
        return f"{COPY}, which may not yet include the latest changes."
    moment = timezone.localtime(state.includes_up_to)
    return f"{COPY}: they include every change recorded up to {when_in_words(moment)}."
