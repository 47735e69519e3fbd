"""Builders for tier inputs, so each test states only the facts it is about."""

from datetime import date
from decimal import Decimal
from typing import Any

from caseload.tiering.domain import (
    Conviction,
    DcSrpBand,
    DcSrpScore,
    MappaCategory,
    PredictorScore,
    PredictorType,
    Registration,
    RoshLevel,
    TierV2Inputs,
    TierV3Inputs,
)

TODAY = date(2026, 6, 15)
CUSTODIAL = Conviction(sentence_type="SC")


def v2_inputs(**facts: Any) -> TierV2Inputs:
    """A man with no scores, no registrations, a custodial sentence and no assessment."""
    defaults: dict[str, Any] = {
        "gender": "Male",
        "rsr_score": None,
        "ogrs_score": None,
        "registrations": (),
        "convictions": (CUSTODIAL,),
        "assessment": None,
    }
    defaults.update(facts)
    if isinstance(defaults["rsr_score"], int | str):
        defaults["rsr_score"] = Decimal(defaults["rsr_score"])
    return TierV2Inputs(**defaults)


def registrations(*codes: str) -> tuple[Registration, ...]:
    return tuple(Registration(code) for code in codes)


def predictor(score: str, kind: PredictorType | None = PredictorType.DYNAMIC) -> PredictorScore:
    return PredictorScore(Decimal(score), kind)


def v3_inputs(**facts: Any) -> TierV3Inputs:
    """Supervised, RoSH MEDIUM, no MAPPA, dynamic ARP 0 and CSRP 0 (Table 1 gives G)."""
    defaults: dict[str, Any] = {
        "has_active_event": True,
        "rosh": "MEDIUM",
        "arp": predictor("0"),
        "csrp": predictor("0"),
    }
    defaults.update(facts)
    if defaults["rosh"] is not None:
        defaults["rosh"] = RoshLevel(defaults["rosh"])
    if defaults.get("mappa_category") is not None:
        defaults["mappa_category"] = MappaCategory(defaults["mappa_category"])
    return TierV3Inputs(**defaults)


def dc_srp(score: str, band: str | None) -> DcSrpScore:
    return DcSrpScore(Decimal(score), None if band is None else DcSrpBand(band))


def v2_json(**fields: Any) -> dict[str, Any]:
    """A v2 calculator input object: a man on a custodial sentence with no assessment."""
    obj: dict[str, Any] = {
        "model": "v2",
        "gender": "Male",
        "rsr": 0,
        "ogrs": 0,
        "registrations": [],
        "convictions": [{"sentence_type": "NC", "terminated": False, "requirements": []}],
        "assessment": None,
        "previous_enforcement_activity": False,
    }
    obj.update(fields)
    return obj


def v3_json(**fields: Any) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "model": "v3",
        "has_active_event": True,
        "rosh": "MEDIUM",
        "mappa_category": None,
        "lifer_ipp": False,
        "latest_release_date": None,
        "domestic_abuse": False,
        "stalking": False,
        "child_protection": False,
        "arp": {"score": 0.0, "type": "DYNAMIC"},
        "csrp": {"score": 0.0, "type": "DYNAMIC"},
        "dc_srp": None,
        "ever_committed_sexual_offence": False,
    }
    obj.update(fields)
    return obj
