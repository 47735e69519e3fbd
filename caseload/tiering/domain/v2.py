"""The v2 "Unified Tiering Model" tier, e.g. `B2` or `B2S`.

Source: ministryofjustice/hmpps-tier@affac98a, the v2 calculation (still the tier workload and
allocation read); our sources do not name the file that builds the string. The string is
the protect letter, the change digit and an `S` when any `PRC` registration marks the case
unsupervised (Probation Reset two-thirds point); the suffix never changes points or levels.
"""

from dataclasses import dataclass

from caseload.tiering.domain.change import ChangeResult, change
from caseload.tiering.domain.inputs import TierV2Inputs
from caseload.tiering.domain.protect import ProtectResult, protect
from caseload.tiering.domain.reasons import Reason
from caseload.tiering.domain.registrations import read_registrations

UNSUPERVISED_SUFFIX = "S"


@dataclass(frozen=True)
class TierV2Result:
    protect: ProtectResult
    change: ChangeResult
    unsupervised: bool

    @property
    def tier(self) -> str:
        suffix = UNSUPERVISED_SUFFIX if self.unsupervised else ""
        return f"{self.protect.level.value}{self.change.level}{suffix}"

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Protect reasons, then change reasons, then the unsupervised marker if any."""
        extra: tuple[Reason, ...] = ()
        if self.unsupervised:
            extra = (
                Reason(
                    "Probation Reset two-thirds point (PRC)",
                    None,
                    "the case is unsupervised, so the tier carries an S suffix",
                ),
            )
        return self.protect.reasons + self.change.reasons + extra


def tier_v2(inputs: TierV2Inputs) -> TierV2Result:
    flags = read_registrations(inputs.registrations)
    return TierV2Result(
        protect=protect(inputs, flags),
        change=change(inputs, flags),
        unsupervised=flags.unsupervised,
    )
