"""The v3 single-axis tier A–G, `MISSING` or `NOT_SUPERVISED`, and its provisional flag.

Source: ministryofjustice/hmpps-tier@affac98a, src/main/kotlin/.../hmppstier/service/calculation/
TierCalculator.kt, the v3 calculation behind the `tier-v3-calculation` flag. The gates run first
(no active event, then no usable predictors); then the eight steps of `v3_steps` each yield a
letter or nothing, and the tier is the highest letter, or G.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from caseload.tiering.domain.inputs import TierV3Inputs
from caseload.tiering.domain.provisional import provisional
from caseload.tiering.domain.reasons import Reason
from caseload.tiering.domain.v3_steps import (
    CHILD_PROTECTION_LETTER,
    DOMESTIC_ABUSE_LETTER,
    SEXUAL_OFFENCES_LETTER,
    STALKING_LETTER,
    V3Step,
    V3Tier,
    check_dc_srp,
    highest,
    lifer_ipp,
    mappa_rosh,
    sexual_reoffending,
    table_one,
)


@dataclass(frozen=True)
class TierV3Result:
    """`steps` is empty for the two statuses; otherwise it has every step, None = nothing."""

    tier: V3Tier
    provisional: bool
    steps: Mapping[V3Step, V3Tier | None] = field(default_factory=dict)
    reasons: tuple[Reason, ...] = ()


def tier_v3(inputs: TierV3Inputs, *, today: date) -> TierV3Result:
    """Calculate the v3 tier. `today` is the calculation date used by the lifer/IPP step.

    Raises `UnsupportedCombinationError` for a MEDIUM DC-SRP below 0.60 (the anchor throws). That
    check runs before the gates: input checking comes first (our convention).
    """
    check_dc_srp(inputs.dc_srp)
    if not inputs.has_active_event:
        reason = Reason("No active event", None, "the person is not under supervision")
        return TierV3Result(V3Tier.NOT_SUPERVISED, False, reasons=(reason,))
    arp, csrp = inputs.arp, inputs.csrp
    if arp is None or csrp is None or arp.score is None or csrp.score is None:
        reason = Reason(
            "No usable OGRS4 predictors",
            None,
            "an ARP and a CSRP score are both needed for a v3 tier",
        )
        return TierV3Result(V3Tier.MISSING, False, reasons=(reason,))
    steps: dict[V3Step, V3Tier | None] = {
        V3Step.REOFFENDING: table_one(arp.score, csrp.score),
        V3Step.SEXUAL_REOFFENDING: sexual_reoffending(inputs.dc_srp),
        V3Step.MAPPA_ROSH: mappa_rosh(inputs.mappa_category, inputs.rosh),
        V3Step.LIFER_IPP: lifer_ipp(inputs.lifer_ipp, inputs.latest_release_date, today),
        V3Step.DOMESTIC_ABUSE: DOMESTIC_ABUSE_LETTER if inputs.domestic_abuse else None,
        V3Step.STALKING: STALKING_LETTER if inputs.stalking else None,
        V3Step.CHILD_PROTECTION: CHILD_PROTECTION_LETTER if inputs.child_protection else None,
        V3Step.SEXUAL_OFFENCES: (
            SEXUAL_OFFENCES_LETTER if inputs.ever_committed_sexual_offence else None
        ),
    }
    finding = provisional(
        steps, rosh=inputs.rosh, mappa_category=inputs.mappa_category, arp=arp, csrp=csrp
    )
    step_reasons = tuple(
        Reason(_step_fact(step, inputs), None, f"the {step.value} step gives {letter.value}")
        for step, letter in steps.items()
        if letter is not None
    )
    flag = "Provisional" if finding.provisional else "Not provisional"
    return TierV3Result(
        tier=highest(steps.values()),
        provisional=finding.provisional,
        steps=steps,
        reasons=(*step_reasons, Reason(flag, None, finding.explanation)),
    )


def _step_fact(step: V3Step, inputs: TierV3Inputs) -> str:
    """The recorded facts behind a step, in words a practitioner would check."""
    if step is V3Step.REOFFENDING:
        arp = inputs.arp.score if inputs.arp else None
        csrp = inputs.csrp.score if inputs.csrp else None
        return f"ARP {arp}, CSRP {csrp}"
    if step is V3Step.SEXUAL_REOFFENDING and inputs.dc_srp is not None:
        band = inputs.dc_srp.band.value if inputs.dc_srp.band else None
        return f"DC-SRP {inputs.dc_srp.score} ({band})"
    if step is V3Step.MAPPA_ROSH:
        mappa = (
            f"MAPPA category {inputs.mappa_category.value}" if inputs.mappa_category else "no MAPPA"
        )
        rosh = f"RoSH {inputs.rosh.value}" if inputs.rosh else "no RoSH"
        return f"{mappa}, {rosh}"
    if step is V3Step.LIFER_IPP:
        return f"Lifer/IPP (INLL), last released {inputs.latest_release_date}"
    return _FLAG_FACTS.get(step, step.value)


_FLAG_FACTS: dict[V3Step, str] = {
    V3Step.DOMESTIC_ABUSE: "Domestic abuse registration (ADVP or REG30)",
    V3Step.STALKING: "Stalking registration (SPO)",
    V3Step.CHILD_PROTECTION: "Child protection registration (RCPR)",
    V3Step.SEXUAL_OFFENCES: "Has committed a sexual offence",
}
