"""Loading a directory in the import format: the worked example, refused rows, an interrupted
import carried on, history and audit. On SQLite and PostgreSQL (COPY) alike."""

import csv
import json
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
from django.db import transaction

from caseload.access.models import AuditEvent, LimitedAccess
from caseload.contacts.models import Contact
from caseload.diary.models import Appointment
from caseload.imports.loading import ImportRefused, import_directory
from caseload.imports.models import ImportedKey
from caseload.organisation.models import Allocation, Staff
from caseload.people.models import CriminalHistory, Person, Sentence
from caseload.risk.models import PredictorScore, Registration, RegistrationReview
from caseload.tiering.models import CaseTier

EXAMPLE = Path(__file__).resolve().parents[1] / "example"
COUNTED = (
    Person,
    CriminalHistory,
    Sentence,
    Staff,
    Allocation,
    Contact,
    Appointment,
    Registration,
    RegistrationReview,
    LimitedAccess,
)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def write(directory: Path, name: str, rows: Sequence[object]) -> None:
    """Replaces one file of a copied directory and its count in the manifest."""
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    (directory / name).write_text("".join(f"{line}\n" for line in lines))
    manifest = json.loads((directory / "manifest.json").read_text())
    manifest["files"][name] = len(lines)
    (directory / "manifest.json").write_text(json.dumps(manifest))


def rows_of(name: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in (EXAMPLE / name).read_text().splitlines()]


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    directory = tmp_path / "export"
    shutil.copytree(EXAMPLE, directory)
    return directory


@pytest.mark.django_db
def test_the_worked_example_loads_and_its_tiers_and_scores_are_derived(copy: Path) -> None:
    summary = import_directory(copy)

    assert summary.total("refused") == 0
    assert summary.report is None
    assert summary.total("loaded") == summary.total("rows") == 28
    assert summary.recomputed == 2
    adam = Person.objects.get(crn="X100001")
    assert adam.criminal_history.total_sanctions == 4
    assert CaseTier.objects.get(person=adam).v2_tier == "C0"
    assert PredictorScore.objects.get(person=adam, predictor="ogrs3").band == "LOW"
    beth = Person.objects.get(crn="X100002")
    assert CaseTier.objects.get(person=beth).v2_tier == "B2"
    appointment = Appointment.objects.get(person=adam)
    assert appointment.contact.outcome == "AFTA"
    assert Appointment.objects.get(person=beth).location == "Video or phone"
    assert LimitedAccess.objects.get(person=beth).user.username == "pjones"
    assert Registration.objects.get(person=adam).reviews.get().notes == "No change"


@pytest.mark.django_db
def test_each_imported_fact_has_its_history_row(copy: Path) -> None:
    import_directory(copy, recompute=False)

    for model in (Person, CriminalHistory, Contact, Appointment, Registration, Staff):
        assert model.history.filter(history_type="+").count() == model.objects.count()
    history = Contact.history.get(id=Contact.objects.get(notes__startswith="Phoned").pk)
    assert history.notes == "Phoned about the missed appointment"
    assert history.history_user is None


@pytest.mark.django_db
def test_one_audit_entry_names_each_batch_file_rows_and_lines(copy: Path) -> None:
    write(copy, "contacts.jsonl", rows_of("contacts.jsonl"))
    import_directory(copy, batch_size=3, recompute=False)

    contacts = AuditEvent.objects.filter(action="IMPORT_BATCH", detail__file="contacts.jsonl")
    assert sorted((e.detail["first_line"], e.detail["last_line"]) for e in contacts) == [
        (1, 3),
        (4, 4),
    ]
    assert sum(e.detail["loaded"] for e in contacts) == 4
    assert AuditEvent.objects.filter(action="IMPORT_BATCH").count() == 17  # 16 files, 2 batches


@pytest.mark.django_db
def test_a_file_with_bad_rows_loads_the_rest_and_reports_each(copy: Path) -> None:
    contacts = rows_of("contacts.jsonl")
    contacts[1] = {**contacts[1], "enforcement_action": ""}  # a failure to attend, no decision
    contacts.insert(2, {**contacts[2], "ref": "C9", "happened_at": "2026-03-06T15:20:00"})
    contacts.append("{not json")
    contacts.append({**contacts[0], "ref": "C10", "crn": "X999999"})
    write(copy, "contacts.jsonl", contacts)
    with (copy / "contacts.jsonl").open("ab") as f:
        f.write(b'{"ref": "C11", "notes": "caf\xe9"}\n')
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest["files"]["contacts.jsonl"] += 1
    (copy / "manifest.json").write_text(json.dumps(manifest))

    summary = import_directory(copy, recompute=False)

    contact_file = next(f for f in summary.files if f.file == "contacts.jsonl")
    assert (contact_file.loaded, contact_file.refused) == (3, 5)
    assert Contact.objects.count() == 3
    with (copy / "import-errors.csv").open() as f:
        report = [(r["file"], r["line"], r["field"], r["rule"]) for r in csv.DictReader(f)]
    assert ("contacts.jsonl", "2", "enforcement_action", "required") in report
    assert ("contacts.jsonl", "3", "happened_at", "needs_offset") in report
    assert ("contacts.jsonl", "6", "", "json") in report
    assert ("contacts.jsonl", "7", "crn", "unknown") in report
    assert ("contacts.jsonl", "8", "", "encoding") in report
    # The appointment whose outcome was the refused contact is refused in its turn.
    assert ("appointments.jsonl", "1", "contact", "unknown") in report
    assert summary.report == copy / "import-errors.csv"


@pytest.mark.django_db
def test_it_refuses_rows_that_break_the_rules_needing_the_database(copy: Path) -> None:
    allocations = rows_of("allocations.jsonl")
    allocations.append(
        {"ref": "AL3", "crn": "X100001", "staff": "pjones", "start_date": "2026-03-01"}
    )
    write(copy, "allocations.jsonl", allocations)
    limited = rows_of("limited_access.jsonl")
    limited.append({**limited[0], "ref": "LA2", "kind": "restriction"})
    write(copy, "limited_access.jsonl", limited)
    report = copy / "errors.csv"

    import_directory(copy, recompute=False, report=report)

    with report.open() as f:
        found = {(r["file"], r["field"], r["rule"]) for r in csv.DictReader(f)}
    assert found == {
        ("allocations.jsonl", "end_date", "one_open"),
        ("limited_access.jsonl", "username", "on_both_lists"),
    }


def clean_load(directory: Path) -> dict[str, int]:
    """What loading the directory from nothing in one go gives (then undone)."""
    with transaction.atomic():
        import_directory(directory, recompute=False)
        loaded = counts()
        transaction.set_rollback(True)
    return loaded


@pytest.mark.django_db
def test_an_interrupted_import_carries_on_and_duplicates_nothing(copy: Path) -> None:
    contacts = rows_of("contacts.jsonl")
    many = contacts + [
        {**contacts[2], "ref": f"CX{i}", "happened_at": f"2026-03-{i + 7:02d}T09:00:00+00:00"}
        for i in range(10)
    ]
    write(copy, "contacts.jsonl", many)
    clean = clean_load(copy)
    assert not Person.objects.exists()

    class Stopped(Exception):
        pass

    def stop_after_two(file: str, number: int) -> None:
        if file == "contacts.jsonl" and number == 2:
            raise Stopped

    with pytest.raises(Stopped):
        import_directory(copy, batch_size=4, recompute=False, after_batch=stop_after_two)
    assert Contact.objects.count() == 8
    assert not Appointment.objects.exists()

    again = import_directory(copy, batch_size=4, recompute=False)

    contact_file = next(f for f in again.files if f.file == "contacts.jsonl")
    assert (contact_file.skipped, contact_file.loaded) == (8, 6)
    assert counts() == clean
    assert clean["Contact"] == 14
    assert ImportedKey.objects.filter(file="contacts.jsonl").count() == 14

    import_directory(copy, batch_size=4, recompute=False)
    assert counts() == clean


@pytest.mark.django_db
def test_it_refuses_a_directory_it_cannot_read(copy: Path, tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="is not a directory"):
        import_directory(tmp_path / "nowhere")
    manifest = json.loads((copy / "manifest.json").read_text())
    (copy / "manifest.json").write_text(json.dumps({**manifest, "version": 2}))
    with pytest.raises(ImportRefused, match="format version 2"):
        import_directory(copy)
    (copy / "manifest.json").write_text(json.dumps(manifest))
    (copy / "people.jsonl").write_text(rows_of_text("people.jsonl").splitlines()[0] + "\n")
    with pytest.raises(ImportRefused, match="people.jsonl has 1 rows but manifest.json says 2"):
        import_directory(copy)
    assert not Person.objects.exists()
    with pytest.raises(ImportRefused, match="Cannot write the error report"):
        import_directory(EXAMPLE, report=tmp_path / "no" / "such" / "place.csv")


def rows_of_text(name: str) -> str:
    return (EXAMPLE / name).read_text()
