"""Every vector of `data/tiering_examples.json` (all five models) is reproduced exactly.

The vectors come from the unit, integration and BDD tests of ministryofjustice/hmpps-tier@affac98a.
"""

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from caseload.tiering.domain import calculate_tier
from caseload.tiering.tests.helpers import TODAY

EXAMPLES_FILE = Path(__file__).parent / "data" / "tiering_examples.json"
EXAMPLES: list[dict[str, Any]] = json.loads(EXAMPLES_FILE.read_text(), parse_float=Decimal)


def test_the_examples_file_holds_every_model() -> None:
    models = {example["inputs"]["model"] for example in EXAMPLES}
    assert models == {"v2", "v3", "v3_provisional_only", "v2_womens_factor_points", "need_severity"}


@pytest.mark.parametrize("example", EXAMPLES, ids=[example["id"] for example in EXAMPLES])
def test_example_is_reproduced_in_every_expected_field(example: dict[str, Any]) -> None:
    result = calculate_tier(example["inputs"], today=TODAY)
    assert {key: result.get(key) for key in example["expected"]} == example["expected"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[example["id"] for example in EXAMPLES])
def test_example_result_has_the_six_contract_fields(example: dict[str, Any]) -> None:
    result = calculate_tier(example["inputs"], today=TODAY)
    assert list(result)[:6] == [
        "tier",
        "protect",
        "change",
        "protect_points",
        "change_points",
        "provisional",
    ]
