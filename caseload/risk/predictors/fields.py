"""Which request fields each predictor reads, for building requests and to-do lists of facts.

`static` fields are required for any score; `dynamic` fields are required for the dynamic model
of ARP, VRP and SVRP (without them a static score is returned with MISSING_DYNAMIC_INPUT);
`conditional` fields are required only in the situations named in `conditions`; `optional`
fields are used when present. Names are the anchor's JSON request names
(ministryofjustice/hmpps-arns-risk-actuarial-api@016919c, `POST /risk-scores/v1`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from caseload.risk.predictors.arp import DYNAMIC_REQUIRED as ARP_DYNAMIC
from caseload.risk.predictors.arp import OPTIONAL as ARP_OPTIONAL
from caseload.risk.predictors.arp import STATIC_REQUIRED as ARP_STATIC
from caseload.risk.predictors.dc_srp import OPTIONAL as DC_OPTIONAL
from caseload.risk.predictors.dc_srp import REQUIRED as DC_REQUIRED
from caseload.risk.predictors.iic_srp import REQUIRED as IIC_REQUIRED
from caseload.risk.predictors.ogp import REQUIRED as OGP_REQUIRED
from caseload.risk.predictors.ogrs3 import OPTIONAL as OGRS3_OPTIONAL
from caseload.risk.predictors.ogrs3 import REQUIRED as OGRS3_REQUIRED
from caseload.risk.predictors.ovp import REQUIRED as OVP_REQUIRED
from caseload.risk.predictors.sexual_checks import COUNT_FIELDS
from caseload.risk.predictors.svrp import DYNAMIC_REQUIRED as SVRP_DYNAMIC
from caseload.risk.predictors.svrp import OPTIONAL as SVRP_OPTIONAL
from caseload.risk.predictors.svrp import STATIC_REQUIRED as SVRP_STATIC
from caseload.risk.predictors.vrp import DYNAMIC_REQUIRED as VRP_DYNAMIC
from caseload.risk.predictors.vrp import OPTIONAL as VRP_OPTIONAL
from caseload.risk.predictors.vrp import STATIC_REQUIRED as VRP_STATIC

PREDICTOR_NAMES: Final = ("ogrs3", "ogp", "ovp", "arp", "vrp", "svrp", "dc-srp", "iic-srp", "csrp")


@dataclass(frozen=True, slots=True)
class PredictorFields:
    static: tuple[str, ...]
    dynamic: tuple[str, ...] = ()
    conditional: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    conditions: str = ""

    @property
    def all(self) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys((*self.static, *self.dynamic, *self.conditional, *self.optional))
        )


def _without_assessment(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for name in names if name != "assessmentDate")


_ASSESSMENT = "assessmentDate"
_SEXUAL_CONDITION = (
    "the four sexual-sanction counts are required unless the person is female or "
    "hasEverCommittedSexualOffence is false"
)
_DC_CONDITIONAL = (*COUNT_FIELDS, "dateOfMostRecentSexualOffence")
_DC_CONDITION = (
    _SEXUAL_CONDITION + "; dateOfMostRecentSexualOffence is required for a man with history"
)

PREDICTOR_FIELDS: Final[dict[str, PredictorFields]] = {
    "ogrs3": PredictorFields(OGRS3_REQUIRED, optional=OGRS3_OPTIONAL),
    "ogp": PredictorFields(
        OGP_REQUIRED,
        conditional=OGRS3_REQUIRED,
        optional=("ogrs3TwoYear", *OGRS3_OPTIONAL),
        conditions="the OGRS3 inputs are required unless ogrs3TwoYear is given",
    ),
    "ovp": PredictorFields(OVP_REQUIRED),
    "arp": PredictorFields(
        _without_assessment(ARP_STATIC),
        ARP_DYNAMIC,
        optional=(_ASSESSMENT, *ARP_OPTIONAL),
        conditions="assessmentDate defaults to today (Europe/London)",
    ),
    "vrp": PredictorFields(
        _without_assessment(VRP_STATIC),
        VRP_DYNAMIC,
        optional=(_ASSESSMENT, *VRP_OPTIONAL),
        conditions="assessmentDate defaults to today (Europe/London)",
    ),
    "svrp": PredictorFields(
        _without_assessment(SVRP_STATIC),
        SVRP_DYNAMIC,
        optional=(_ASSESSMENT, *SVRP_OPTIONAL),
        conditions="assessmentDate defaults to today (Europe/London)",
    ),
    "dc-srp": PredictorFields(
        DC_REQUIRED, conditional=_DC_CONDITIONAL, optional=DC_OPTIONAL, conditions=_DC_CONDITION
    ),
    "iic-srp": PredictorFields(
        IIC_REQUIRED, conditional=COUNT_FIELDS, conditions=_SEXUAL_CONDITION
    ),
    "csrp": PredictorFields(
        tuple(dict.fromkeys((*IIC_REQUIRED, *DC_REQUIRED, *_without_assessment(SVRP_STATIC)))),
        SVRP_DYNAMIC,
        conditional=_DC_CONDITIONAL,
        optional=tuple(dict.fromkeys((_ASSESSMENT, *SVRP_OPTIONAL, *DC_OPTIONAL))),
        conditions=_DC_CONDITION,
    ),
}


def predictor_fields(name: str) -> PredictorFields:
    """The request fields `name` reads; raises KeyError for an unknown predictor."""
    return PREDICTOR_FIELDS[name]
