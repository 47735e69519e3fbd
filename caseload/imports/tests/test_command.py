"""`caseload import DIR`: counts and rates printed, a message and a non-zero exit for a
directory it cannot read or for refused rows."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from caseload.people.models import Person

EXAMPLE = Path(__file__).resolve().parents[1] / "example"


@pytest.mark.django_db
def test_it_prints_the_counts_and_the_rate_of_each_file_and_overall(tmp_path: Path) -> None:
    out = StringIO()
    call_command(
        "import",
        str(EXAMPLE),
        "--no-recompute",
        "--report",
        str(tmp_path / "e.csv"),
        stdout=out,
        verbosity=0,
    )

    printed = out.getvalue()
    assert "people.jsonl: 2 rows, 2 loaded, 0 already loaded, 0 refused," in printed
    assert "rows a second" in printed
    assert "Altogether: 28 rows, 28 loaded, 0 already loaded, 0 refused in" in printed
    assert not (tmp_path / "e.csv").exists()


@pytest.mark.django_db
def test_it_refuses_a_missing_directory_with_a_message(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="is not a directory") as refused:
        call_command("import", str(tmp_path / "nowhere"), verbosity=0)
    assert refused.value.returncode == 2


@pytest.mark.django_db
def test_it_refuses_an_unknown_format_version(tmp_path: Path) -> None:
    directory = tmp_path / "export"
    shutil.copytree(EXAMPLE, directory)
    manifest = json.loads((directory / "manifest.json").read_text())
    (directory / "manifest.json").write_text(json.dumps({**manifest, "version": 7}))

    with pytest.raises(CommandError, match="format version 7 is not one") as refused:
        call_command("import", str(directory), verbosity=0)
    assert refused.value.returncode == 2
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_it_exits_non_zero_naming_the_report_when_rows_are_refused(tmp_path: Path) -> None:
    directory = tmp_path / "export"
    shutil.copytree(EXAMPLE, directory)
    people = (directory / "people.jsonl").read_text().splitlines()
    people[1] = people[1].replace('"FEMALE"', '"F"')
    (directory / "people.jsonl").write_text("\n".join(people) + "\n")

    with pytest.raises(
        CommandError, match=r"rows were refused: see .*import-errors.csv"
    ) as refused:
        call_command("import", str(directory), "--no-recompute", verbosity=0, stdout=StringIO())
    assert refused.value.returncode == 1
    assert list(Person.objects.values_list("crn", flat=True)) == ["X100001"]
    report = (directory / "import-errors.csv").read_text()
    assert "people.jsonl,2,sex,unknown_code," in report
