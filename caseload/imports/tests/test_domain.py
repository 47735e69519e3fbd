"""The import format's rows read by the pure rules: any line gives a row or problems, never an
exception; each field's type; the parts' rules applied."""

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caseload.imports.domain import (
    FILES,
    Clock,
    ManifestError,
    appointment_rules,
    parse_row,
    read_manifest,
)

CLOCK = Clock(date(2026, 12, 2), datetime(2026, 12, 2, 12, 0, tzinfo=UTC))
EXAMPLE = Path(__file__).resolve().parents[1] / "example"

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


def rules(parsed: object) -> set[tuple[str, str]]:
    return {(p.field, p.rule) for p in parsed.problems}  # type: ignore[attr-defined]


@given(st.sampled_from(sorted(FILES)), st.text(max_size=40))
def test_any_line_of_any_file_reads_as_a_row_or_its_problems(file: str, line: str) -> None:
    parsed = parse_row(file, line, CLOCK)
    assert parsed.problems or parsed.key is not None


@given(
    st.sampled_from(sorted(FILES)),
    st.dictionaries(
        st.sampled_from(
            ["crn", "ref", "code", "name", "username", "start_date", "happened_at", "x"]
        ),
        json_values,
    ),
)
def test_any_object_reads_as_a_row_or_problems_that_each_name_a_field(
    file: str, row: dict[str, object]
) -> None:
    parsed = parse_row(file, json.dumps(row), CLOCK)
    for problem in parsed.problems:
        assert problem.rule and problem.message


@pytest.mark.parametrize("file", sorted(FILES))
def test_every_row_of_the_worked_example_reads_without_problems(file: str) -> None:
    for line in (EXAMPLE / file).read_text().splitlines():
        assert parse_row(file, line, CLOCK).problems == []


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2026, 12, 2)))
def test_a_date_reads_back_as_itself(day: date) -> None:
    row = {"ref": "CI1", "crn": "X1", "kind": "ACCOMMODATION", "status": "SETTLED"}
    parsed = parse_row(
        "circumstances.jsonl", json.dumps({**row, "start_date": day.isoformat()}), CLOCK
    )
    assert parsed.values["start_date"] == day
    assert parsed.problems == []


def test_a_moment_needs_its_offset_and_a_date_its_form() -> None:
    contact = {"ref": "C1", "crn": "X100001", "contact_type": "CTOA"}
    naive = parse_row(
        "contacts.jsonl", json.dumps({**contact, "happened_at": "2026-03-01T10:00:00"}), CLOCK
    )
    assert rules(naive) == {("happened_at", "needs_offset")}
    day = parse_row("contacts.jsonl", json.dumps({**contact, "happened_at": "2026-03-01"}), CLOCK)
    assert rules(day) == {("happened_at", "type")}
    circumstance = {"ref": "CI1", "crn": "X1", "kind": "ACCOMMODATION", "status": "SETTLED"}
    wrong = parse_row(
        "circumstances.jsonl", json.dumps({**circumstance, "start_date": "1/2/2026"}), CLOCK
    )
    assert rules(wrong) == {("start_date", "type")}


def test_it_refuses_a_field_the_file_has_not() -> None:
    parsed = parse_row(
        "regions.jsonl", json.dumps({"code": "NE", "name": "North East", "nmae": "x"}), CLOCK
    )
    assert rules(parsed) == {("nmae", "unknown_field")}


def test_the_parts_rules_apply_to_imported_rows() -> None:
    contact = {
        "ref": "C1",
        "crn": "X100001",
        "contact_type": "COAP",
        "happened_at": "2027-01-01T10:00:00+00:00",
        "minutes_credited": 60,
    }
    assert rules(parse_row("contacts.jsonl", json.dumps(contact), CLOCK)) == {
        ("happened_at", "not_in_future"),
        ("outcome", "required"),
        ("minutes_credited", "not_allowed"),
    }
    registration = {
        "ref": "RG1",
        "crn": "X100001",
        "register": "MAPP",
        "category": "M1",
        "registered_on": "2026-01-01",
        "deregistered_on": "2025-01-01",
        "reviews": [{"reviewed_on": "2027-01-01"}],
    }
    assert rules(parse_row("registrations.jsonl", json.dumps(registration), CLOCK)) == {
        ("level", "mappa_level"),
        ("deregistered_on", "before_registration"),
        ("reason", "required"),
        ("reviews[0].reviewed_on", "not_in_future"),
    }


def test_a_person_and_their_criminal_history_are_read_together() -> None:
    person = {
        "crn": "X12345",
        "first_name": "A",
        "last_name": "B",
        "date_of_birth": "2020-01-01",
        "sex": "MALE",
        "ethnicity": "MARTIAN",
        "criminal_history": {"total_sanctions": 0, "first_sanction_date": "2019-01-01"},
    }
    assert rules(parse_row("people.jsonl", json.dumps(person), CLOCK)) == {
        ("crn", "crn_format"),
        ("date_of_birth", "age"),
        ("ethnicity", "unknown_code"),
        ("criminal_history.total_sanctions", "out_of_range"),
        ("criminal_history.first_sanction_date", "before_birth"),
    }


def test_an_imported_appointment_may_be_past_but_not_without_a_place() -> None:
    appointment = {
        "ref": "AP1",
        "crn": "X100001",
        "contact_type": "COAP",
        "starts_at": "2020-01-01T10:00:00+00:00",
        "duration_minutes": 30,
        "with_staff": "jsmith",
    }
    parsed = parse_row("appointments.jsonl", json.dumps(appointment), CLOCK)
    assert parsed.problems == []
    # Its own rules are applied in loading, with the contact recording its outcome.
    assert {(p.field, p.rule) for p in appointment_rules(parsed.values, None, CLOCK)} == {
        ("location", "required")
    }
    assert appointment_rules({**parsed.values, "location": "Office"}, "COAP", CLOCK) == []
    assert {
        (p.field, p.rule)
        for p in appointment_rules(parsed.values | {"location": "Office"}, "CTOA", CLOCK)
    } == {("contact", "other_type")}


def test_the_manifest_names_the_format_its_version_and_the_counts() -> None:
    assert read_manifest((EXAMPLE / "manifest.json").read_text()).counts["people.jsonl"] == 2
    with pytest.raises(ManifestError, match="version 2 is not one"):
        read_manifest(json.dumps({"format": "caseload-import", "version": 2, "files": {}}))
    with pytest.raises(ManifestError, match='"format"'):
        read_manifest("[]")
    with pytest.raises(ManifestError, match="names files this format has not: people.csv"):
        read_manifest(
            json.dumps({"format": "caseload-import", "version": 1, "files": {"people.csv": 1}})
        )
    with pytest.raises(ManifestError, match="row count"):
        read_manifest(
            json.dumps({"format": "caseload-import", "version": 1, "files": {"people.jsonl": -1}})
        )
