"""The stale-edit rule and its words (pure)."""

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from caseload.core.errors import StaleEdit
from caseload.core.versions import RecordVersion, Seen, is_stale, when_in_words

seen_records = st.builds(Seen, st.integers(1, 2**63 - 1), st.integers(1, 2**31 - 1))


@given(seen_records)
def test_a_version_survives_the_hidden_field(seen):
    assert Seen.parse(seen.token()) == seen


@given(st.text() | st.from_regex(r"\A-?[0-9]{1,3}:-?[0-9]{1,3}\Z"))
def test_anything_else_in_the_hidden_field_is_refused_or_is_a_real_version(text):
    try:
        parsed = Seen.parse(text)
    except ValueError:
        return
    if text == "":
        assert parsed is None
    else:
        assert parsed is not None and parsed.id >= 1 and parsed.version >= 1


@given(st.none() | seen_records, st.none() | seen_records)
def test_an_edit_is_stale_unless_it_starts_from_exactly_what_is_recorded(seen, recorded):
    assert is_stale(seen, recorded) == (seen != recorded)
    assert not is_stale(recorded, recorded)


def test_seeing_none_when_one_is_recorded_is_stale_and_the_reverse():
    assert is_stale(None, Seen(1, 1)) and is_stale(Seen(1, 1), None)
    assert is_stale(Seen(1, 1), Seen(1, 2)) and is_stale(Seen(1, 2), Seen(2, 2))


def test_times_read_as_gov_uk_writes_them():
    assert when_in_words(datetime(2026, 3, 3, 14, 5)) == "2:05pm on 3 March 2026"
    assert when_in_words(datetime(2026, 3, 3, 9, 0)) == "9am on 3 March 2026"
    assert when_in_words(datetime(2026, 3, 3, 12, 0)) == "midday on 3 March 2026"
    assert when_in_words(datetime(2026, 3, 3, 0, 0)) == "midnight on 3 March 2026"


def test_the_refusal_says_who_changed_it_when_and_carries_both_versions():
    recorded = RecordVersion(4, 2, "Settled", "Mona Jones", datetime(2026, 3, 3, 14, 5))
    refused = StaleEdit("current accommodation", seen=None, recorded=recorded)
    assert refused.message == (
        "The current accommodation was changed by Mona Jones at 2:05pm on 3 March 2026 "
        "after you opened it. Nothing has been saved."
    )
    assert refused.as_json() == {
        "detail": refused.message,
        "record": "current accommodation",
        "seen": None,
        "recorded": {
            "id": 4,
            "version": 2,
            "summary": "Settled",
            "changed_by": "Mona Jones",
            "changed_at": "2026-03-03T14:05:00",
        },
    }
