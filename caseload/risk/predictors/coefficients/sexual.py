"""DC-SRP, IIC-SRP and CSRP parameters.

Sources: ministryofjustice/hmpps-arns-risk-actuarial-api@016919c, src/main/kotlin/.../service/
transformation/DirectContactSexualReoffendingPredictorTransformationHelper.kt (points, intercept
−8.633 after ACT-237 `5832c83`, slope 0.1598), .../service/coefficients/
ImagesAndIndirectContactSexualReoffendingPredictorStatic.kt (hierarchy weights, binary doubles)
and .../service/coefficients/CombinedSeriousReoffendingPredictor.kt.
"""

from typing import Final

# --- DC-SRP: DirectContactSexualReoffendingPredictorTransformationHelper.kt -----------------
DC_CONTACT_ADULT: Final[tuple[int, int, int]] = (5, 10, 15)
"""Points for 1, 2 and ≥ 3 contact-adult sanctions (otherwise 0)."""
DC_CONTACT_CHILD: Final[tuple[int, int, int]] = (3, 6, 9)
DC_NON_CONTACT: Final[tuple[int, int, int]] = (2, 4, 6)
DC_FOLLOWUP_AGE_MAX_POINTS: Final = 14
DC_FOLLOWUP_AGE_BASE: Final = 18
DC_FOLLOWUP_AGE_STEP: Final = 3
DC_FOLLOWUP_AGE_NONE_FROM: Final = 60
DC_RECENT_OFFENCE_AGE: Final[tuple[tuple[int, int], ...]] = ((18, 10), (16, 5))
"""(lowest age at the most recent sexual offence, points); younger scores 0."""
DC_TWO_OR_MORE_SANCTIONS: Final = 6
DC_STRANGER_VICTIM: Final = 4
DC_INTERCEPT: Final = -8.633
DC_SLOPE: Final = 0.1598
DC_BANDS: Final[tuple[tuple[int, str], ...]] = (
    (36, "VERY_HIGH"),
    (30, "HIGH"),
    (22, "MEDIUM"),
    (0, "LOW"),
)
DC_REDUCTION_YEARS: Final = 5

# --- IIC-SRP: hierarchy weights (fractions), binary doubles ----------------------------------
IIC_TWO_PLUS_IMAGES: Final = 0.10310
IIC_ONE_IMAGE: Final = 0.03328
IIC_TWO_PLUS_CHILD_CONTACT: Final = 0.00926
IIC_ONE_CHILD_CONTACT: Final = 0.00634
IIC_NON_CONTACT_AND_ADULT_CONTACT: Final = 0.00281
IIC_OTHERWISE: Final = 0.0

# --- CSRP: CombinedSeriousReoffendingPredictor.kt ---------------------------------------------
CSRP_FEMALE_WITH_HISTORY: Final = 0.0038314176245211
CSRP_BANDS: Final[tuple[tuple[str, str], ...]] = (
    ("6.9", "VERY_HIGH"),
    ("3", "HIGH"),
    ("1", "MEDIUM"),
    ("0", "LOW"),
)
