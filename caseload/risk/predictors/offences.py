"""Offence-code mapping: code → OGRS4-era category and OGRS3 category.

`data/offence_codes.csv` is generated from ministryofjustice/hmpps-manage-offences-api@daf5d37,
src/main/resources/migration/common/V73__seed_risk_actuarial_ho_code_table.sql (codes, OGRS4-era
category), V74__seed_risk_actuarial_flag_table.sql (flags), V66__seed_risk_actuarial.sql and
V67__risk_actuarial_weighting_update.sql (OGRS3 category). It is read once, on first use.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

from caseload.risk.predictors.enums import ActuarialCategory, Ogrs3Category

NEED_DETAILS: Final = "NEED_DETAILS_OF_EXACT_OFFENCE"
"""The `ogrs3_category` value of parent codes whose OGRS3 category depends on the exact offence."""

OFFENCE_CODE_FORMAT: Final = re.compile(r"[0-9]{5}")
"""HEAD format rule `^\\d{5}$` (Java's `\\d` is ASCII only)."""


@dataclass(frozen=True, slots=True)
class Offence:
    code: str
    description: str
    actuarial_category: ActuarialCategory
    ogrs3_category: Ogrs3Category | None
    """None when the legacy mapping has no OGRS3 parameter for the code."""
    ogrs3_needs_exact_offence: bool


@cache
def offence_table() -> dict[str, Offence]:
    text = resources.files("caseload.risk.predictors.data").joinpath("offence_codes.csv")
    table: dict[str, Offence] = {}
    with io.StringIO(text.read_text(encoding="utf-8")) as handle:
        for row in csv.DictReader(handle):
            ogrs3 = row["ogrs3_category"]
            table[row["offence_code"]] = Offence(
                code=row["offence_code"],
                description=row["description"],
                actuarial_category=ActuarialCategory(row["actuarial_category"]),
                ogrs3_category=Ogrs3Category(ogrs3) if ogrs3 and ogrs3 != NEED_DETAILS else None,
                ogrs3_needs_exact_offence=ogrs3 == NEED_DETAILS,
            )
    return table


def lookup_offence(code: str) -> Offence | None:
    return offence_table().get(code)
