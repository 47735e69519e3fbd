"""Offence codes for synthetic cases, drawn from the official Home Office code table we ship."""

import csv
from functools import cache
from pathlib import Path

from caseload.risk.predictors.data import __file__ as _data_init

OFFENCE_CODES_CSV = Path(_data_init).with_name("offence_codes.csv")

# A plausible probation offence mix by actuarial category (weights are ours, for demo data only).
OFFENCE_MIX: dict[str, int] = {
    "VIOLENCE_AGAINST_THE_PERSON_ABH_PLUS": 14,
    "VIOLENCE_AGAINST_THE_PERSON_SUB_ABH": 12,
    "THEFT_NON_MOTOR": 12,
    "DRUG_POSSESSION_OR_SUPPLY": 10,
    "BURGLARY_DOMESTIC": 5,
    "BURGLARY_OTHER": 3,
    "PUBLIC_ORDER_AND_HARRASSMENT": 8,
    "CRIMINAL_DAMAGE": 5,
    "DRINK_DRIVING": 5,
    "MOTORING_OFFENCES": 3,
    "FRAUD_AND_FORGERY": 4,
    "WEAPONS_NON_FIREARM": 4,
    "ACQUISITIVE_VIOLENCE": 4,
    "HANDLING_STOLEN_GOODS": 2,
    "SEXUAL_NOT_AGAINST_CHILD": 3,
    "SEXUAL_AGAINST_CHILD": 2,
    "ABSCONDING_OR_BAIL": 2,
    "DRUG_IMPORT_EXPORT_OR_PRODUCTION": 2,
}

SEXUAL_CATEGORIES = {"SEXUAL_NOT_AGAINST_CHILD", "SEXUAL_AGAINST_CHILD"}


@cache
def codes_by_category() -> dict[str, list[tuple[str, str]]]:
    """(code, description) for each category in the mix, excluding codes OGRS3 cannot score."""
    found: dict[str, list[tuple[str, str]]] = {c: [] for c in OFFENCE_MIX}
    with OFFENCE_CODES_CSV.open(newline="") as f:
        for row in csv.DictReader(f):
            category = row["actuarial_category"]
            ogrs3 = row["ogrs3_category"]
            if category in found and ogrs3 and ogrs3 != "NEED_DETAILS_OF_EXACT_OFFENCE":
                found[category].append(
                    (row["offence_code"], row["description"].split("[")[0].strip()[:200])
                )
    return {c: codes for c, codes in found.items() if codes}
