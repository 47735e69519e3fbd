"""`breach-recall` in one hand-written statement: the facts of the period, one row each, with
the team holding the case; the medians and rates are taken of them in Python."""

from datetime import UTC, date, datetime

from django.db import connection

from caseload.enforcement.domain import RECALL, WARNING_ACTIONS
from caseload.returns.catalogue._held import start_of_day
from caseload.returns.catalogue.breach_recall import (
    FAILURE_OUTCOMES,
    NATIONAL_STANDARD,
    TeamFacts,
    as_rows,
    uk_day,
)
from caseload.returns.oracles import OracleParams, oracle
from caseload.returns.reading import end_of_day
from caseload.returns.registry import Cell

NO_MOMENT = "CAST(NULL AS TIMESTAMP WITH TIME ZONE)"
NO_DAY = "CAST(NULL AS DATE)"

SQL = f"""
WITH held AS (
  SELECT a.person_id, t.name AS team
  FROM organisation_allocation a JOIN organisation_team t ON t.id = a.team_id
  WHERE a.start_date <= %(as_at)s AND (a.end_date IS NULL OR a.end_date > %(as_at)s) {{unit}}
)
SELECT DISTINCT h.team, 'team', 0, {NO_MOMENT}, {NO_DAY}, {NO_DAY}, {NO_MOMENT}, '', 0
FROM held h
UNION ALL
SELECT h.team, 'failure', c.person_id, c.happened_at, {NO_DAY}, {NO_DAY}, {NO_MOMENT}, '', 0
FROM contacts_contact c JOIN held h ON h.person_id = c.person_id
WHERE c.contact_type IN ({{types}}) AND c.outcome IN ({{failures}})
  AND c.happened_at >= %(start)s AND c.happened_at < %(midnight)s
UNION ALL
SELECT w.team, 'warning', w.person_id, w.happened_at, w.decided, {NO_DAY}, {NO_MOMENT}, '', 0
FROM (
  SELECT h.team, c.person_id, c.happened_at,
    (SELECT d.decided_on FROM enforcement_failuredecision d
      WHERE d.contact_id = c.id AND d.action = c.enforcement_action
      ORDER BY d.decided_on DESC, d.id DESC LIMIT 1) AS decided
  FROM contacts_contact c JOIN held h ON h.person_id = c.person_id
  WHERE c.contact_type IN ({{types}}) AND c.outcome IN ({{failures}})
    AND c.enforcement_action IN ({{warnings}}) AND c.happened_at < %(midnight)s
) w
WHERE (w.decided >= %(from)s AND w.decided <= %(as_at)s)
  OR (w.decided IS NULL AND w.happened_at >= %(start)s)
UNION ALL
SELECT h.team, 'pack', b.person_id, {NO_MOMENT}, b.started_on, b.pack_sent_on, {NO_MOMENT}, '', 0
FROM enforcement_breach b JOIN held h ON h.person_id = b.person_id
WHERE b.pack_sent_on >= %(from)s AND b.pack_sent_on <= %(as_at)s
UNION ALL
SELECT h.team, 'outcome', b.person_id, {NO_MOMENT}, {NO_DAY}, {NO_DAY}, {NO_MOMENT}, b.outcome, 0
FROM enforcement_breach b JOIN held h ON h.person_id = b.person_id
WHERE b.outcome <> '' AND b.outcome_on >= %(from)s AND b.outcome_on <= %(as_at)s
UNION ALL
SELECT h.team, 'recall', r.person_id, r.decided_at, {NO_DAY}, {NO_DAY},
  CASE WHEN r.part_a_sent_at < %(midnight)s THEN r.part_a_sent_at END,
  r.recommended_type, CASE WHEN r.emergency THEN 1 ELSE 0 END
FROM enforcement_recallconsideration r JOIN held h ON h.person_id = r.person_id
WHERE r.decision = %(recall)s AND r.decided_at >= %(start)s AND r.decided_at < %(midnight)s
"""


def _listed(codes: frozenset[str]) -> str:
    return ", ".join(f"'{code}'" for code in sorted(codes))


def _moment(value: object) -> datetime:
    """A moment as the driver returns it: SQLite gives the stored UTC text."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    assert isinstance(moment, datetime)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _day(value: object) -> date:
    day = date.fromisoformat(value) if isinstance(value, str) else value
    assert isinstance(day, date)
    return day


@oracle("breach-recall")
def breach_recall(params: OracleParams) -> list[tuple[Cell, ...]]:
    unit = "" if params.delivery_unit_id is None else "AND t.delivery_unit_id = %(unit)s"
    adapt = connection.ops.adapt_datetimefield_value
    with connection.cursor() as cursor:
        cursor.execute(
            SQL.format(
                unit=unit,
                types=_listed(NATIONAL_STANDARD),
                failures=_listed(FAILURE_OUTCOMES),
                warnings=_listed(WARNING_ACTIONS),
            ),
            {
                "as_at": params.as_at,
                "from": params.period_from,
                "start": adapt(start_of_day(params.period_from)),
                "midnight": adapt(end_of_day(params.as_at)),
                "recall": RECALL,
                "unit": params.delivery_unit_id,
            },
        )
        found = cursor.fetchall()
    by_team: dict[str, TeamFacts] = {}
    for team, what, person, moment, day, other_day, sent_at, code, flag in found:
        facts = by_team.setdefault(team, TeamFacts())
        if what == "failure":
            facts.failures.add((person, uk_day(_moment(moment))))
        elif what == "warning":
            facts.add_warning(_moment(moment), _day(day) if day is not None else None)
        elif what == "pack":
            facts.add_pack(_day(day), _day(other_day))
        elif what == "outcome":
            facts.outcomes[code] += 1
        elif what == "recall":
            facts.add_recall(
                code, bool(flag), _moment(moment), _moment(sent_at) if sent_at else None
            )
    return [tuple(row) for row in as_rows(by_team)]
