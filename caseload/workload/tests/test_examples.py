"""Every vector of `data/workload_examples.json` is reproduced by the pure calculator.

The vectors were extracted from the unit tests of ministryofjustice/hmpps-workload@1e70153e
(`maw-…`), ministryofjustice/wmt-probation-rules@daed1fee and ministryofjustice/wmt-worker@78f526bf
(`wmt-…`) and ministryofjustice/wmt-web@47d98ee1 (`wmt-web-…`); the file is the project's shared
set of 61 workload examples, copied here so that the suite runs on a clean clone.
"""

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from caseload.workload.domain.calculator import calculate

EXAMPLES_FILE = Path(__file__).parent / "data" / "workload_examples.json"
EXAMPLES: list[dict[str, Any]] = json.loads(EXAMPLES_FILE.read_text(), parse_float=Decimal)


def asserted_fields(example: dict[str, Any]) -> list[tuple[str, bool]]:
    """(field, only its integer part was checked by the source's test)."""
    return [(a.split(" ")[0], "integer part" in a) for a in example["asserted"]]


def test_the_file_holds_all_61_examples_of_every_kind() -> None:
    assert len(EXAMPLES) == 61
    assert len({example["kind"].split(" (")[0] for example in EXAMPLES}) == 14


@pytest.mark.parametrize("example", EXAMPLES, ids=[example["id"] for example in EXAMPLES])
def test_example_is_reproduced_in_every_asserted_field(example: dict[str, Any]) -> None:
    result = calculate({"kind": example["kind"], "inputs": example["inputs"]})
    for field, _ in asserted_fields(example):
        expected = example["expected"][field]
        if isinstance(expected, Decimal):
            assert result[field] == pytest.approx(float(expected))
        else:
            assert result[field] == expected, field


@pytest.mark.parametrize("example", EXAMPLES, ids=[example["id"] for example in EXAMPLES])
def test_example_gives_every_expected_output_not_only_the_asserted_ones(
    example: dict[str, Any],
) -> None:
    result = calculate({"kind": example["kind"], "inputs": example["inputs"]})
    assert set(result) == set(example["expected"])
