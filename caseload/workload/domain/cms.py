"""Case management support (CMS) contacts: points moved between workloads for work done on
someone else's case.

Source: the "Case Management Support" category of `app.adjustment_reason` in the seed
migration `V1_1__SEED_REF_DATA.sql` of ministryofjustice/hmpps-workload@1e70153e (seed values;
production values are not public); the rule that they last 7 days in the batch:
ministryofjustice/wmt-worker@78f526bf (the batch reads the adjustments in force).

The practitioner who did the work gains the points and the case's owner loses them. Group
supervision codes (NGS001 to NGS010) carry no points.
"""

from dataclasses import dataclass
from datetime import timedelta

#: How long a CMS adjustment counts in the batch, from the contact's date.
BATCH_ADJUSTMENT_LASTS = timedelta(days=7)

LEVELS = ("Low", "Medium", "High")


@dataclass(frozen=True)
class CmsWeighting:
    code: str
    activity: str
    level: str
    points: int


_ACTIVITIES: tuple[tuple[str, tuple[int, int, int]], ...] = (
    ("Sentence plan intervention delivery", (9, 13, 18)),
    ("Completing & assisting with referrals", (9, 18, 26)),
    ("Attending partnership meetings", (9, 18, 26)),
    ("Assistance with case conferencing", (9, 18, 26)),
    ("Information & intelligence gathering", (9, 13, 18)),
    ("Home & prison visits", (9, 13, 18)),
    ("HDC assessments & support", (9, 13, 18)),
    ("Victim services liaison", (5, 9, 13)),
    ("Court liaison & applications to court", (9, 13, 18)),
    ("Case-related communication", (5, 9, 18)),
    ("Assistance with assessments", (9, 13, 18)),
    ("ROTL assessments & support", (9, 13, 18)),
)

#: CMS01 to CMS36, in threes (Low, Medium, High) down the activities.
SEED_CMS: tuple[CmsWeighting, ...] = tuple(
    CmsWeighting(f"CMS{index * 3 + offset + 1:02d}", activity, LEVELS[offset], weights[offset])
    for index, (activity, weights) in enumerate(_ACTIVITIES)
    for offset in range(3)
)
