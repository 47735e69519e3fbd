"""`caseload seed --national`: the national data set in the import format, at a few hundred
people. Every row passes the rules the import applies (the actions' own `validate_<fact>`)."""

import json
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from caseload.contacts.domain import CONTACT_TYPES, ContactInput, validate_contact
from caseload.demo.national.generate import write_national
from caseload.demo.national.writer import FILES
from caseload.diary.domain import APPOINTMENT_TYPES, LONGEST_MINUTES, SHORTEST_MINUTES
from caseload.people.domain import CircumstanceChange, validate_circumstance
from caseload.risk.domain import (
    NewRegistration,
    validate_assessment,
    validate_registration,
    validate_review,
)

TODAY = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 8, 0).astimezone()


def rows(directory: Path, name: str) -> list[dict]:
    with (directory / f"{name}.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module")
def national(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("national")
    write_national(out, seed=7, today=TODAY, people=300)
    return out


def test_the_same_seed_gives_byte_identical_files(tmp_path, national):
    again = tmp_path / "again"
    write_national(again, seed=7, today=TODAY, people=300)
    for name in [*FILES, "manifest"]:
        suffix = ".json" if name == "manifest" else ".jsonl"
        assert (again / f"{name}{suffix}").read_bytes() == (
            national / f"{name}{suffix}"
        ).read_bytes()


def test_workers_drawing_units_at_once_write_the_same_files(tmp_path, national):
    write_national(tmp_path / "parallel", seed=7, today=TODAY, people=300, workers=2)
    assert not (tmp_path / "parallel" / ".parts").exists()
    for name in [*FILES, "manifest"]:
        suffix = ".json" if name == "manifest" else ".jsonl"
        written = (tmp_path / "parallel" / f"{name}{suffix}").read_bytes()
        assert written == (national / f"{name}{suffix}").read_bytes(), name


def test_another_seed_gives_other_people(tmp_path, national):
    write_national(tmp_path, seed=8, today=TODAY, people=300)
    assert (tmp_path / "people.jsonl").read_bytes() != (national / "people.jsonl").read_bytes()


def test_every_file_parses_and_the_manifest_counts_its_rows(national):
    manifest = json.loads((national / "manifest.json").read_text())
    assert manifest["format"] == "caseload-import" and manifest["version"] == 1
    assert list(manifest["files"]) == [f"{name}.jsonl" for name in FILES]
    for name in FILES:
        assert len(rows(national, name)) == manifest["files"][f"{name}.jsonl"]
        assert manifest["files"][f"{name}.jsonl"] > 0, name


def test_a_few_hundred_people_keep_the_nations_proportions(national):
    assert len(rows(national, "people")) == 300
    assert len(rows(national, "regions")) == 12
    assert len(rows(national, "delivery_units")) == 12  # 110 scaled, one for each region at least
    staff = rows(national, "staff")
    practitioners = [s for s in staff if s["role"] == "practitioner"]
    assert len(practitioners) == round(300 / 24.42)
    assert {s["role"] for s in staff} == {"practitioner", "manager", "head", "analyst", "admin"}


def test_keys_are_unique_and_every_reference_is_to_a_row_written(national):
    key = {"regions": "code", "delivery_units": "code", "teams": "code", "staff": "username"}
    keys = {}
    for name in FILES:
        found = [r.get(key.get(name, "ref")) or r.get("crn") for r in rows(national, name)]
        if name not in ("people", "events", "sentences"):
            assert len(found) == len(set(found)), name
        keys[name] = set(found)
    crns = keys["people"]
    usernames = keys["staff"]
    for name in FILES[5:]:
        assert {r["crn"] for r in rows(national, name)} <= crns, name
    assert {r["staff"] for r in rows(national, "contacts")} <= usernames
    assert {r["with_staff"] for r in rows(national, "appointments")} <= usernames
    assert {r["staff"] for r in rows(national, "allocations")} <= usernames
    assert {r["username"] for r in rows(national, "limited_access")} <= usernames
    assert {r["team"] for r in rows(national, "staff") if "team" in r} <= keys["teams"]


def test_every_row_passes_the_actions_rules(national):
    problems = []
    for c in rows(national, "contacts"):
        contact = ContactInput(
            c["contact_type"],
            datetime.fromisoformat(c["happened_at"]),
            c.get("outcome"),
            c.get("enforcement_action"),
            c.get("notes", ""),
            c.get("actual_minutes"),
        )
        problems += validate_contact(contact, now=NOW)
        assert ("minutes_credited" in c) == CONTACT_TYPES[c["contact_type"]].unpaid_work
    for r in rows(national, "registrations"):
        new = NewRegistration(
            r["register"],
            r.get("category", ""),
            r.get("level", ""),
            date.fromisoformat(r["registered_on"]),
        )
        problems += validate_registration(new, today=TODAY)
        for review in r.get("reviews", []):
            problems += validate_review(date.fromisoformat(review["reviewed_on"]), today=TODAY)
    for c in rows(national, "circumstances"):
        change = CircumstanceChange(c["kind"], c["status"], date.fromisoformat(c["start_date"]))
        problems += validate_circumstance(change, today=TODAY)
    for a in rows(national, "assessments"):
        problems += validate_assessment(
            date.fromisoformat(a["completed_on"]), a["answers"], today=TODAY
        )
    assert problems == []


def test_appointments_are_the_diarys_each_past_one_linked_to_its_contact(national):
    contacts = {c["ref"]: c for c in rows(national, "contacts")}
    ahead = 0
    for a in rows(national, "appointments"):
        assert a["contact_type"] in APPOINTMENT_TYPES
        assert SHORTEST_MINUTES <= a["duration_minutes"] <= LONGEST_MINUTES
        assert a["location"]
        if "contact" in a:
            contact = contacts[a["contact"]]
            assert (contact["crn"], contact["contact_type"]) == (a["crn"], a["contact_type"])
            assert contact["happened_at"] == a["starts_at"]
        else:
            ahead += 1
            assert datetime.fromisoformat(a["starts_at"]).date() >= TODAY
        if "cancelled_at" in a:
            assert datetime.fromisoformat(a["cancelled_at"]) < NOW
            assert a["cancellation_reason"]
    assert ahead >= 300
    linked = [a["contact"] for a in rows(national, "appointments") if "contact" in a]
    assert len(linked) == len(set(linked))


def test_one_open_allocation_and_one_open_circumstance_of_each_kind_a_person(national):
    open_allocations = Counter(
        r["crn"] for r in rows(national, "allocations") if "end_date" not in r
    )
    assert set(open_allocations.values()) == {1} and len(open_allocations) == 300
    open_circumstances = Counter(
        (r["crn"], r["kind"]) for r in rows(national, "circumstances") if "end_date" not in r
    )
    assert set(open_circumstances.values()) == {1}
    ended = [r for r in rows(national, "circumstances") if "end_date" in r]
    assert 0.15 < len(ended) / 600 < 0.4  # a quarter of accommodation, 30% of employment changed
    assert all(r["start_date"] < r["end_date"] < TODAY.isoformat() for r in ended)


def test_limited_access_never_puts_anyone_on_both_lists_of_a_case(national):
    entries = Counter((r["crn"], r["username"]) for r in rows(national, "limited_access"))
    assert set(entries.values()) == {1}
    kinds = {}
    for r in rows(national, "limited_access"):
        kinds.setdefault(r["crn"], set()).add(r["kind"])
    assert all(len(k) == 1 for k in kinds.values())


def test_contacts_run_at_national_rates_over_two_years(national):
    """About 7 a case a month (case_model.md §11: 20–60 million a year for 244,209 people)."""
    contacts = rows(national, "contacts")
    first = min(datetime.fromisoformat(c["happened_at"]) for c in contacts)
    assert first.date() >= TODAY - timedelta(days=731)
    months = 0.0
    starts = {}
    for c in contacts:
        at = datetime.fromisoformat(c["happened_at"]).date()
        starts[c["crn"]] = min(starts.get(c["crn"], at), at)
    months = sum((TODAY - start).days / 30.4 for start in starts.values())
    assert 5 <= len(contacts) / months <= 10


def test_the_command_writes_the_directory_and_prints_the_totals(tmp_path, capsys):
    out = tmp_path / "nation"
    call_command("seed", national=True, out=out, people=40, seed=2, today=TODAY, verbosity=0)
    printed = capsys.readouterr().out
    assert "40 people in 12 delivery units" in printed
    assert "contacts.jsonl" in printed and "rows a second" in printed
    assert json.loads((out / "manifest.json").read_text())["files"]["people.jsonl"] == 40


def test_the_command_refuses_a_directory_with_files_in_it(tmp_path):
    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(CommandError, match="not an empty directory"):
        call_command("seed", national=True, out=tmp_path, people=40, verbosity=0)


def test_the_command_refuses_national_without_out_and_too_few_people(tmp_path):
    with pytest.raises(CommandError, match="--out"):
        call_command("seed", national=True, people=40, verbosity=0)
    with pytest.raises(CommandError, match="at least 12|between 12"):
        call_command("seed", national=True, out=tmp_path / "n", people=5, verbosity=0)


def test_sentences_follow_their_convictions_and_custody_comes_before_release(national):
    events = {e["crn"]: e for e in rows(national, "events")}
    for s in rows(national, "sentences"):
        event = events[s["crn"]]
        assert event["offence_date"] <= event["conviction_date"] <= s["sentence_date"]
        if s["sentence_type"] in ("LIC", "PSS"):
            assert s["sentence_date"] < s["release_date"] < s["licence_expiry_date"]
        else:
            assert "release_date" not in s


@pytest.mark.django_db
def test_caseload_import_loads_every_row_and_refuses_none(tmp_path):
    """The same path a real migration takes (`caseload import`, `docs/import-format.md`)."""
    loading = pytest.importorskip("caseload.imports.loading")
    today = timezone.localdate()
    write_national(tmp_path / "nation", seed=5, today=today, people=60)
    summary = loading.import_directory(tmp_path / "nation", recompute=False)
    manifest = json.loads((tmp_path / "nation" / "manifest.json").read_text())
    assert summary.total("refused") == 0
    assert summary.total("loaded") == sum(manifest["files"].values())


def test_the_delivery_unit_seed_still_needs_people_and_refuses_the_national_options(tmp_path):
    with pytest.raises(CommandError, match="--people is required"):
        call_command("seed", verbosity=0)
    with pytest.raises(CommandError, match="for --national"):
        call_command("seed", people=10, out=tmp_path, verbosity=0)
