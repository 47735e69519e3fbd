"""What the oracles of returns that name people share (a helper: it registers no oracle).

`OracleParams` has no user, so such an oracle answers for a user named on no limited-access
list: they see every case in the unit except those restricted to others, as
`caseload.access.cases.limited_access_refusals` decides it for today."""

from datetime import date

from django.utils import timezone

#: For `WHERE`, over an outer allocation `a`; parameter `%(today)s` (see `today`).
NOT_RESTRICTED = """
  AND NOT EXISTS (SELECT 1 FROM access_limitedaccess l
    WHERE l.person_id = a.person_id AND l.kind = 'restriction' AND l.start_date <= %(today)s
      AND (l.end_date IS NULL OR l.end_date > %(today)s))
"""


def today() -> date:
    return timezone.localdate()
