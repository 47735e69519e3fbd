"""`caseload tier --input FILE` (the tiering issue's command-line contract; our convention)."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from caseload.tiering.tests.helpers import v2_json, v3_json

EXAMPLES_FILE = Path(__file__).parent / "data" / "tiering_examples.json"


def run_tier(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "caseload", "tier", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def lines_of(*objects: object) -> str:
    return "".join(json.dumps(obj) + "\n" for obj in objects)


def test_it_prints_one_result_per_line_in_order_and_goes_on_after_a_bad_line(
    tmp_path: Path,
) -> None:
    source = tmp_path / "cases.jsonl"
    source.write_text(
        lines_of(v2_json(rsr=23))
        + "this is not json\n\n"
        + lines_of([1, 2], v3_json(rosh="EXTREME"), v3_json(stalking=True))
    )
    out = StringIO()
    call_command("tier", "--input", str(source), stdout=out)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(results) == 5
    assert results[0]["tier"] == "B2"
    assert results[1]["errors"][0]["type"] == "INVALID_INPUT"
    assert results[2]["errors"][0]["message"] == "the input must be one JSON object"
    assert results[3]["errors"][0]["fields"] == ["rosh"]
    assert results[4]["tier"] == "F"


def test_a_missing_file_exits_with_status_two_and_a_message() -> None:
    completed = run_tier("--input", "/no/such/file.jsonl")
    assert completed.returncode == 2
    assert "cannot read /no/such/file.jsonl" in completed.stderr
    assert completed.stdout == ""


def test_a_missing_file_raises_a_command_error_with_return_code_two() -> None:
    with pytest.raises(CommandError) as raised:
        call_command("tier", "--input", "/no/such/file.jsonl")
    assert raised.value.returncode == 2


def test_a_dash_reads_standard_input_and_exits_zero_even_with_bad_lines() -> None:
    completed = run_tier("--input", "-", stdin=lines_of(v3_json()) + "{oops\n")
    assert completed.returncode == 0
    first, second = (json.loads(line) for line in completed.stdout.splitlines())
    assert first["tier"] == "G"
    assert "errors" in second


def test_every_v2_and_v3_example_is_reproduced_through_the_command(tmp_path: Path) -> None:
    examples = [
        example
        for example in json.loads(EXAMPLES_FILE.read_text())
        if example["inputs"]["model"] in ("v2", "v3")
    ]
    source = tmp_path / "examples.jsonl"
    source.write_text(lines_of(*(example["inputs"] for example in examples)))
    completed = run_tier("--input", str(source))
    results = [json.loads(line) for line in completed.stdout.splitlines()]
    assert completed.returncode == 0
    assert len(results) == len(examples)
    for example, result in zip(examples, results, strict=True):
        assert {key: result.get(key) for key in example["expected"]} == example["expected"]


def test_help_describes_the_input_and_output_format() -> None:
    completed = run_tier("--help")
    assert completed.returncode == 0
    for words in ("JSON Lines", "--input FILE", '"errors"', "has_active_event", "Exit status"):
        assert words in completed.stdout
