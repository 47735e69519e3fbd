"""The limited-access rules, pure (`caseload.access.domain`)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from caseload.access.domain import (
    ListEntry,
    kept_out,
    validate_ending,
    validate_list_entry,
    validate_new_entry,
)

DAY = date(2026, 12, 1)
ME, YOU, THEM = 1, 2, 3


def entry(kind, user, start=DAY - timedelta(days=10), end=None):  # type: ignore[no-untyped-def]
    return ListEntry(kind, user, start, end)


def test_nobody_is_kept_out_of_a_case_without_lists():
    assert not kept_out(ME, [], DAY)


def test_an_exclusion_keeps_out_only_the_person_it_names():
    lists = [entry("exclusion", ME)]
    assert kept_out(ME, lists, DAY)
    assert not kept_out(YOU, lists, DAY)


def test_a_restriction_keeps_out_everyone_it_does_not_name():
    lists = [entry("restriction", ME), entry("restriction", YOU)]
    assert not kept_out(ME, lists, DAY) and not kept_out(YOU, lists, DAY)
    assert kept_out(THEM, lists, DAY)


def test_an_entry_counts_from_its_start_date_until_its_end_date():
    starts_tomorrow = [entry("exclusion", ME, start=DAY + timedelta(days=1))]
    ended_today = [entry("exclusion", ME, end=DAY)]
    ends_tomorrow = [entry("exclusion", ME, end=DAY + timedelta(days=1))]
    assert not kept_out(ME, starts_tomorrow, DAY)
    assert not kept_out(ME, ended_today, DAY)
    assert kept_out(ME, ends_tomorrow, DAY)


def test_an_ended_restriction_no_longer_restricts():
    assert not kept_out(THEM, [entry("restriction", ME, end=DAY)], DAY)


def problems(new, existing=(), acting=ME, found=True):  # type: ignore[no-untyped-def]
    return [
        p.rule
        for p in validate_new_entry(
            new, existing=list(existing), acting_user_id=acting, user_found=found, today=DAY
        )
    ]


def test_the_person_named_must_be_a_member_of_staff():
    assert problems(entry("exclusion", YOU), found=False) == ["unknown"]


def test_nobody_may_exclude_themselves():
    assert problems(entry("exclusion", ME)) == ["not_yourself"]


def test_the_first_restriction_must_name_the_person_making_it():
    assert problems(entry("restriction", YOU)) == ["restrict_yourself_first"]
    assert problems(entry("restriction", ME)) == []
    assert problems(entry("restriction", YOU), existing=[entry("restriction", ME)]) == []


def test_nobody_is_on_one_list_twice_or_on_both_at_once():
    assert problems(entry("exclusion", YOU), existing=[entry("exclusion", YOU)]) == [
        "already_listed"
    ]
    assert problems(entry("exclusion", YOU), existing=[entry("restriction", YOU)]) == [
        "on_both_lists"
    ]
    ended = entry("exclusion", YOU, end=DAY)
    assert problems(entry("exclusion", YOU, start=DAY), existing=[ended]) == []


def test_an_end_date_must_follow_the_start_and_lie_ahead():
    assert problems(entry("exclusion", YOU, start=DAY, end=DAY)) == ["after_start", "future"]


def test_an_entry_ends_today_or_later_and_only_once():
    running = entry("exclusion", YOU)
    assert validate_ending(running, DAY, today=DAY) == []
    assert [p.rule for p in validate_ending(running, DAY - timedelta(days=1), today=DAY)] == [
        "not_past"
    ]
    assert [p.rule for p in validate_ending(entry("exclusion", YOU, end=DAY), DAY, today=DAY)] == [
        "already_ended"
    ]


entries = st.builds(
    ListEntry,
    kind=st.sampled_from(["exclusion", "restriction"]),
    user_id=st.integers(1, 4),
    start_date=st.dates(DAY - timedelta(days=30), DAY + timedelta(days=30)),
    end_date=st.none() | st.dates(DAY - timedelta(days=30), DAY + timedelta(days=60)),
)


@given(st.lists(entries, max_size=6), st.integers(1, 4))
def test_a_user_on_no_list_in_force_is_kept_out_only_by_a_restriction(lists, user):
    named = [e for e in lists if e.in_force_on(DAY) and e.user_id == user]
    if not named:
        restricted = any(e.in_force_on(DAY) and e.kind == "restriction" for e in lists)
        assert kept_out(user, lists, DAY) == restricted


def test_an_imported_entry_is_held_to_the_lists_rules_but_may_have_ended():
    ended = entry("exclusion", YOU, DAY - timedelta(days=100), DAY - timedelta(days=50))
    assert validate_list_entry(ended, existing=[], user_found=True) == []
    restriction = entry("restriction", THEM)
    assert validate_list_entry(restriction, existing=[], user_found=True) == []
    rules = [
        p.rule
        for p in validate_list_entry(
            entry("exclusion", THEM), existing=[restriction], user_found=True
        )
    ]
    assert rules == ["on_both_lists"]
    backwards = entry("exclusion", YOU, DAY, DAY)
    assert [p.rule for p in validate_list_entry(backwards, existing=[], user_found=True)] == [
        "after_start"
    ]
    assert [p.rule for p in validate_list_entry(ended, existing=[], user_found=False)] == [
        "unknown"
    ]
