"""`caseload workload calculate --input FILE`: JSON Lines in, one JSON object per line out."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from caseload.workload.tests.test_examples import EXAMPLES_FILE, asserted_fields

CAPACITY = {"kind": "capacity", "inputs": {"total_points": 15, "available_points": 102}}


def lines_of(*objects: object) -> str:
    return "".join(json.dumps(obj) + "\n" for obj in objects)


def run_workload(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "caseload", "workload", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_every_example_is_reproduced_through_the_command(tmp_path: Path) -> None:
    examples = json.loads(EXAMPLES_FILE.read_text())
    source = tmp_path / "examples.jsonl"
    source.write_text(lines_of(*({"kind": e["kind"], "inputs": e["inputs"]} for e in examples)))
    out = StringIO()
    call_command("workload", "calculate", "--input", str(source), stdout=out)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(results) == len(examples) == 61
    for example, result in zip(examples, results, strict=True):
        for field, integer_part in asserted_fields(example):
            expected = example["expected"][field]
            if integer_part:
                assert int(float(result[field])) == int(float(expected))
            elif isinstance(expected, float):
                assert result[field] == pytest.approx(expected)
            else:
                assert result[field] == expected, example["id"]


def test_capacity_comes_back_as_a_string_with_three_decimals() -> None:
    completed = run_workload("calculate", "--input", "-", stdin=lines_of(CAPACITY))
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == '{"capacity_percent": "14.700"}'


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("this is not json", "line 2: line: is not JSON (Expecting value) (json)"),
        (
            json.dumps({"kind": "overtime", "inputs": {}}),
            "line 2: kind: must be one of available_points, capacity,",
        ),
        (
            json.dumps({"kind": "capacity", "inputs": {"total_points": 15}}),
            "line 2: inputs.available_points: is required (missing)",
        ),
        (
            json.dumps(
                {"kind": "capacity", "inputs": {"total_points": "15", "available_points": 1}}
            ),
            "line 2: inputs.total_points: must be a number, not text (number)",
        ),
        (
            json.dumps(
                {
                    "kind": "potential_capacity",
                    "inputs": {
                        "total_points": 1,
                        "available_points": 2,
                        "new_case": {"tier": "E", "type": "CUSTODY"},
                    },
                }
            ),
            "line 2: inputs.new_case.tier: must be a v2 tier such as B3 or C2S (one_of)",
        ),  # fmt: skip
        (json.dumps([1, 2]), "line 2: line: must be one JSON object"),
    ],
)
def test_a_bad_line_stops_with_its_line_field_and_rule_after_the_good_lines(
    bad_line: str, message: str
) -> None:
    stdin = lines_of(CAPACITY) + bad_line + "\n" + lines_of(CAPACITY)
    completed = run_workload("calculate", "--input", "-", stdin=stdin)
    assert completed.returncode == 1
    assert completed.stdout.splitlines() == ['{"capacity_percent": "14.700"}']
    assert message in completed.stderr
    assert "Traceback" not in completed.stderr


def test_blank_lines_are_skipped_but_still_counted_in_line_numbers() -> None:
    completed = run_workload("calculate", "--input", "-", stdin="\n\n{oops\n")
    assert completed.returncode == 1
    assert "line 3: line: is not JSON" in completed.stderr


def test_a_missing_file_exits_with_status_two_and_a_message() -> None:
    with pytest.raises(CommandError) as raised:
        call_command("workload", "calculate", "--input", "/no/such/file.jsonl")
    assert raised.value.returncode == 2
    assert "cannot read /no/such/file.jsonl" in str(raised.value)


def test_the_workload_command_needs_a_sub_command() -> None:
    completed = run_workload()
    assert completed.returncode != 0
    assert "calculate" in completed.stderr
    assert "Traceback" not in completed.stderr
