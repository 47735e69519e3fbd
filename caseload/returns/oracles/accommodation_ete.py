"""`accommodation-ete` in one hand-written statement: every measure a pair of conditional sums
over the held cases' sentences, by team.

The one thing plain SQL cannot say the same way on SQLite and PostgreSQL is "a date plus so
many days" (SQLite keeps dates as text): `_plus_days` writes it for the database in use.
"""

from django.db import connection

from caseload.returns.catalogue.accommodation_ete import (
    COMMUNITY,
    HOUSING_ADDRESSES,
    MEASURES,
    OUT_OF_SCOPE,
    Measure,
    anchor_field,
    anchor_window,
    rows_from_counts,
)
from caseload.returns.oracles import OracleParams, oracle
from caseload.returns.registry import Cell


def _codes(codes: tuple[str, ...]) -> str:
    assert all(code.replace("_", "").isalnum() for code in codes)
    return ", ".join(f"'{code}'" for code in codes)


def _plus_days(column: str, days: int) -> str:
    if not days:
        return column
    if connection.vendor == "sqlite":
        return f"date({column}, '+{days} days')"
    return f"({column} + {days})"


def _in_force(table: str, day: str) -> str:
    return (
        f"SELECT 1 FROM {table} x WHERE x.person_id = e.person_id AND x.start_date <= {day} "
        f"AND (x.end_date IS NULL OR x.end_date > {day})"
    )


def _held(measure: Measure) -> str:
    status = (
        f"SELECT 1 FROM people_circumstance x WHERE x.person_id = a.person_id "
        f"AND x.kind = '{measure.kind}' AND x.start_date <= %(day)s "
        f"AND (x.end_date IS NULL OR x.end_date > %(day)s)"
    )
    eligible = f"EXISTS ({status} AND x.status NOT IN ({_codes(OUT_OF_SCOPE)}))"
    met = f"EXISTS ({status} AND x.status IN ({_codes(measure.met)}))"
    return (
        f"COUNT(DISTINCT CASE WHEN {eligible} THEN a.person_id END), "
        f"COUNT(DISTINCT CASE WHEN {met} THEN a.person_id END)"
    )


def _sums(measure: Measure, i: int) -> str:
    if measure.after == "held":
        return _held(measure)
    anchor = f"s.{anchor_field(measure)}"
    day = _plus_days(anchor, measure.days)
    status = f"{_in_force('people_circumstance', day)} AND x.kind = '{measure.kind}'"
    known = f"EXISTS ({status} AND x.status NOT IN ({_codes(OUT_OF_SCOPE)}))"
    met = f"EXISTS ({status} AND x.status IN ({_codes(measure.met)}))"
    if measure.addresses_count:
        addressed = (
            f"(NOT EXISTS ({status}) AND EXISTS ({_in_force('people_address', day)} "
            f"AND x.kind IN ({_codes(HOUSING_ADDRESSES)})))"
        )
        known = f"({known} OR {addressed})"
        met = f"({met} OR {addressed})"
    kind = f"AND s.sentence_type IN ({_codes(COMMUNITY)})" if measure.after == "community" else ""
    eligible = (
        f"{anchor} >= %(earliest_{i})s AND {anchor} <= %(latest_{i})s {kind} "
        f"AND (s.termination_date IS NULL OR s.termination_date > {day}) AND {known}"
    )
    return (
        f"SUM(CASE WHEN {eligible} THEN 1 ELSE 0 END), "
        f"SUM(CASE WHEN {eligible} AND {met} THEN 1 ELSE 0 END)"
    )


SQL = """
SELECT t.name, {sums}
FROM organisation_allocation a
JOIN organisation_team t ON t.id = a.team_id
LEFT JOIN people_event e ON e.person_id = a.person_id
LEFT JOIN people_sentence s ON s.event_id = e.id
WHERE a.start_date <= %(day)s AND (a.end_date IS NULL OR a.end_date > %(day)s) {unit}
GROUP BY t.name
"""


@oracle("accommodation-ete")
def accommodation_ete(params: OracleParams) -> list[tuple[Cell, ...]]:
    unit = "" if params.delivery_unit_id is None else "AND t.delivery_unit_id = %(unit)s"
    sql = SQL.format(
        sums=",\n  ".join(_sums(m, i) for i, m in enumerate(MEASURES)),
        unit=unit,
    )
    values: dict[str, object] = {"day": params.as_at, "unit": params.delivery_unit_id}
    for i, measure in enumerate(MEASURES):
        values[f"earliest_{i}"], values[f"latest_{i}"] = anchor_window(
            measure, params.period_from, params.as_at
        )
    teams: list[str] = []
    counts: dict[str, dict[str, tuple[int, int]]] = {m.key: {} for m in MEASURES}
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        for team, *sums in cursor.fetchall():
            teams.append(team)
            for i, measure in enumerate(MEASURES):
                counts[measure.key][team] = (int(sums[2 * i] or 0), int(sums[2 * i + 1] or 0))
    return [tuple(row) for row in rows_from_counts(teams, counts)]
