"""`equality` in one hand-written statement: a row of flags per person, grouped eight ways."""

from datetime import date, timedelta

from django.db import connection

from caseload.enforcement.domain import RECALL
from caseload.returns.catalogue.equality import (
    AGE_BANDS,
    CHARACTERISTICS,
    COMPLETED,
    COMPLIED_OUTCOMES,
    FAILED_OUTCOMES,
    NATIONAL_STANDARD_TYPES,
    age_band_limits,
    rows_from_counts,
)
from caseload.returns.oracles import OracleParams, oracle
from caseload.returns.reading import end_of_day
from caseload.returns.registry import Cell


def _codes(codes: tuple[str, ...]) -> str:
    assert all(code.isalnum() for code in codes)
    return ", ".join(f"'{code}'" for code in codes)


def _age_band(limits: list[tuple[str, date]]) -> str:
    whens = " ".join(
        f"WHEN p.date_of_birth > %(born_after_{i})s THEN '{band}'"
        for i, (band, _) in enumerate(limits)
    )
    return f"CASE {whens} ELSE '{AGE_BANDS[-1][0]}' END"


SQL = """
WITH counted AS (
  SELECT p.id, p.sex, p.gender_identity, p.ethnicity, p.religion, p.sexual_orientation,
    p.disability, {age_band} AS age_band,
    CASE WHEN EXISTS (SELECT 1 FROM people_disability d WHERE d.person_id = p.id
        AND d.start_date <= %(day)s AND (d.end_date IS NULL OR d.end_date > %(day)s))
      THEN 'YES' ELSE 'NO' END AS recorded_disability,
    CASE WHEN EXISTS (SELECT 1 FROM contacts_contact k WHERE k.person_id = p.id
        AND k.contact_type IN ({ns}) AND k.outcome IN ({complied})
        AND k.happened_at >= %(since)s AND k.happened_at < %(until)s)
      AND NOT EXISTS (SELECT 1 FROM contacts_contact k WHERE k.person_id = p.id
        AND k.contact_type IN ({ns}) AND k.outcome IN ({failed})
        AND k.happened_at >= %(since)s AND k.happened_at < %(until)s)
      THEN 1 ELSE 0 END AS complied,
    CASE WHEN EXISTS (SELECT 1 FROM enforcement_breach b WHERE b.person_id = p.id
        AND b.pack_sent_on >= %(period_from)s AND b.pack_sent_on <= %(day)s)
      THEN 1 ELSE 0 END AS breached,
    CASE WHEN EXISTS (SELECT 1 FROM enforcement_recallconsideration r WHERE r.person_id = p.id
        AND r.decision = %(recall)s AND r.decided_at >= %(since)s AND r.decided_at < %(until)s)
      THEN 1 ELSE 0 END AS recalled,
    CASE WHEN EXISTS (SELECT 1 FROM people_sentence s JOIN people_event e ON e.id = s.event_id
        WHERE e.person_id = p.id AND s.termination_reason = %(completed)s
        AND s.termination_date >= %(period_from)s AND s.termination_date <= %(day)s)
      THEN 1 ELSE 0 END AS completed
  FROM people_person p
  WHERE p.id IN (SELECT a.person_id FROM organisation_allocation a
    JOIN organisation_team t ON t.id = a.team_id
    WHERE a.start_date <= %(day)s AND (a.end_date IS NULL OR a.end_date > %(day)s) {unit})
)
{groups}
"""

GROUP = """SELECT '{key}', {key}, COUNT(*), SUM(complied), SUM(breached), SUM(recalled),
  SUM(completed) FROM counted GROUP BY {key}"""


@oracle("equality")
def equality(params: OracleParams) -> list[tuple[Cell, ...]]:
    limits = age_band_limits(params.as_at)
    unit = "" if params.delivery_unit_id is None else "AND t.delivery_unit_id = %(unit)s"
    sql = SQL.format(
        age_band=_age_band(limits),
        ns=_codes(NATIONAL_STANDARD_TYPES),
        complied=_codes(COMPLIED_OUTCOMES),
        failed=_codes(FAILED_OUTCOMES),
        unit=unit,
        groups="\nUNION ALL\n".join(GROUP.format(key=c.key) for c in CHARACTERISTICS),
    )
    adapt = connection.ops.adapt_datetimefield_value
    values: dict[str, object] = {
        "day": params.as_at,
        "period_from": params.period_from,
        "since": adapt(end_of_day(params.period_from - timedelta(days=1))),
        "until": adapt(end_of_day(params.as_at)),
        "recall": RECALL,
        "completed": COMPLETED,
        "unit": params.delivery_unit_id,
        **{f"born_after_{i}": limit for i, (_, limit) in enumerate(limits)},
    }
    raw: dict[str, dict[str, tuple[int, ...]]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        for key, value, *counts in cursor.fetchall():
            raw.setdefault(key, {})[value] = tuple(int(n) for n in counts)
    return [tuple(row) for row in rows_from_counts(raw)]
