"""`caseload predict` through Django's call_command and the installed console script."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

CAP = Path(sys.executable).with_name("caseload")
REQUEST = {
    "gender": "MALE",
    "dateOfBirth": "1991-07-17",
    "dateOfCurrentConviction": "2021-08-05",
    "dateAtStartOfFollowup": "2021-12-12",
    "totalNumberOfSanctionsForAllOffences": 2,
    "ageAtFirstSanction": 21,
    "currentOffenceCode": "11618",
    "ogrs3Category": "FRAUD_AND_FORGERY",
}


def test_it_prints_one_result_per_line_and_flags_bad_lines(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps(REQUEST) + "\nnot json\n\n[1, 2]\n" + json.dumps({"gender": 1}) + "\n"
    )
    out = io.StringIO()
    call_command("predict", "ogrs3", "--input", str(source), stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 5
    assert lines[0] == {"oneYear": 11, "twoYear": 20, "band": "LOW"}
    assert [line["errors"][0]["type"] for line in lines[1:4]] == ["INVALID_REQUEST"] * 3
    assert lines[4]["errors"][0] == {
        "type": "INVALID_INPUT",
        "fields": ["gender"],
        "message": "Input field(s) have the wrong JSON type or an unknown value",
    }


def test_it_refuses_an_unknown_predictor_with_exit_status_2(tmp_path: Path) -> None:
    with pytest.raises(CommandError) as raised:
        call_command("predict", "nope", "--input", str(tmp_path / "x"))
    assert raised.value.returncode == 2


def test_the_console_script_exits_0_on_stdin_and_2_on_an_unreadable_file(tmp_path: Path) -> None:
    done = subprocess.run(
        [CAP, "predict", "arp", "--input", "-"],
        input="{}\nbad\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 2
    missing = subprocess.run(
        [CAP, "predict", "arp", "--input", str(tmp_path / "absent.jsonl")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert missing.returncode == 2
    assert "cannot read" in missing.stderr
