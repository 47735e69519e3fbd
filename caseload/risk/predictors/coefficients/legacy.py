"""Legacy OGRS3, OGP and OVP parameters. IEEE doubles.

Sources: ministryofjustice/hmpps-arns-risk-actuarial-api@52792f4,
src/main/kotlin/.../service/transformation/{OGRS3,OGP,OVP}TransformationHelper.kt; OGRS3 offence
parameters from ministryofjustice/hmpps-manage-offences-api@daf5d37,
src/main/resources/migration/common/V66__seed_risk_actuarial.sql as updated by
V67__risk_actuarial_weighting_update.sql (weighting `ogrs3Weighting`).
"""

from typing import Final

# --- OGRS3: OGRS3TransformationHelper.kt @52792f4 ------------------------------------------
OGRS3_ONE_YEAR_INTERCEPT: Final = 1.40256
OGRS3_TWO_YEAR_INTERCEPT: Final = 2.1217
OGRS3_FIRST_SANCTION: Final = 0.12614
OGRS3_REPEAT_SANCTION: Final = 0.46306
OGRS3_COPAS: Final = 1.25112
OGRS3_COPAS_OFFSET: Final = 10

OGRS3_AGE_GENDER: Final[tuple[tuple[int, float, float], ...]] = (
    # (lowest age in the band, male parameter, female parameter); ages below 10 are unhandled.
    (10, 0.0, 0.785),
    (12, 0.08392, 0.61385),
    (14, 0.07578, 0.66952),
    (16, -0.0616, -0.9592),
    (18, -0.6251, -0.8975),
    (21, -1.0515, -1.0285),
    (25, -1.1667, -1.0528),
    (30, -1.326, -1.1291),
    (35, -1.368, -1.4219),
    (40, -1.4997, -1.5247),
    (50, -2.0253, -2.4498),
)

OGRS3_OFFENCE_PARAMETER: Final[dict[str, float]] = {
    "ABSCONDING_OR_BAIL": 0.7334,
    "BURGLARY_DOMESTIC": -0.1239,  # doubted: below BURGLARY_OTHER, unverified; kept.
    "BURGLARY_OTHER": 0.2406,
    "CRIMINAL_DAMAGE": 0.205,
    "DRINK_DRIVING": -0.1214,
    "DRUG_IMPORT_EXPORT_OR_PRODUCTION": -0.7956,
    "DRUG_POSSESSION_OR_SUPPLY": 0.0772,
    "FRAUD_AND_FORGERY": 0.1599,
    "HANDLING_STOLEN_GOODS": 0.3519,
    "OTHER_MOTORING": 0.2622,
    "OTHER_OFFENCE": -0.0607,
    "PUBLIC_ORDER": 0.1819,
    "ROBBERY": -0.6348,
    "SEXUAL_AGAINST_CHILD": -0.6534,
    "SEXUAL_NOT_AGAINST_CHILD": 0.0328,
    "SOLICITING_OR_PROSTITUTION": 0.7606,
    "TAKING_AND_DRIVING_AWAY": 0.3801,
    "THEFT_FROM_VEHICLES": 0.4272,
    "THEFT_NON_MOTOR": 0.6612,
    "VIOLENCE": 0.0,
}

OGRS3_BANDS: Final[tuple[tuple[int, str], ...]] = (
    # (lowest 2-year % of the band, band)
    (90, "VERY_HIGH"),
    (75, "HIGH"),
    (50, "MEDIUM"),
    (0, "LOW"),
)

# --- OGP: OGPTransformationHelper.kt @52792f4 ----------------------------------------------
OGP_OGRS3_FACTOR: Final = 0.6
OGP_NO_FIXED_ABODE: Final = 5
OGP_UNEMPLOYED: Final = 5
OGP_THREE_STEP: Final[tuple[int, int, int]] = (0, 3, 5)
"""Points for scores 0, 1, 2 of regular offending activities and pro-criminal attitudes."""
OGP_DRUG_FACTOR: Final = 3.75
OGP_THINKING_NUMERATOR: Final = 5
OGP_THINKING_DENOMINATOR: Final = 6.0
OGP_SLOPE: Final = 0.0616
OGP_ONE_YEAR_INTERCEPT: Final = -3.6832
OGP_TWO_YEAR_INTERCEPT: Final = -3.0795
OGP_BANDS: Final[tuple[tuple[int, str], ...]] = (
    (85, "VERY_HIGH"),
    (67, "HIGH"),
    (34, "MEDIUM"),
    (1, "LOW"),
)

# --- OVP: OVPTransformationHelper.kt @52792f4 ----------------------------------------------
OVP_ANY_SANCTIONS: Final = 5
OVP_VIOLENT_SANCTIONS: Final[tuple[int, ...]] = (
    # points for v = 0, 1, 2, ... 18; 18 or more score the last value
    0,
    4,
    7,
    9,
    11,
    12,
    13,
    14,
    15,
    16,
    17,
    18,
    19,
    20,
    21,
    22,
    23,
    24,
    25,
)
OVP_NON_VIOLENT_SANCTIONS: Final[tuple[tuple[int, int], ...]] = (
    # (lowest n − v of the band, points)
    (21, 5),
    (11, 4),
    (5, 3),
    (3, 2),
    (0, 0),
)
OVP_MINIMUM_AGE: Final = 18
OVP_AGE: Final[tuple[tuple[int, int], ...]] = (
    # (lowest age at start of follow-up of the band, points)
    (51, 0),
    (46, 2),
    (41, 4),
    (36, 6),
    (31, 8),
    (26, 10),
    (24, 12),
    (22, 14),
    (20, 17),
    (18, 20),
)
OVP_MALE: Final = 5
OVP_NOT_RECOGNISING_IMPACT: Final = 4
OVP_NO_FIXED_ABODE: Final = 4
OVP_UNEMPLOYED: Final = 4
OVP_ALCOHOL_FACTOR: Final = 2.5
OVP_PSYCHIATRIC_TREATMENT: Final = 4
OVP_TEMPER_FACTOR: Final = 3
OVP_PRO_CRIMINAL_FACTOR: Final = 3
OVP_SLOPE: Final = 0.0722
OVP_ONE_YEAR_INTERCEPT: Final = -4.5215
OVP_TWO_YEAR_INTERCEPT: Final = -3.8773
OVP_BANDS: Final[tuple[tuple[int, str], ...]] = (
    (80, "VERY_HIGH"),
    (60, "HIGH"),
    (30, "MEDIUM"),
    (1, "LOW"),
)
