"""`risk-register` in one hand-written statement; the review due date is computed per row."""

from django.db import connection

from caseload.returns.catalogue._named_cases import as_date, case_cells, holder_cells
from caseload.returns.catalogue.risk_register import level_words, register_label, review_cells
from caseload.returns.oracles import OracleParams, oracle
from caseload.returns.oracles._named_cases import NOT_RESTRICTED, today
from caseload.returns.registry import Cell

SQL = """
SELECT p.crn, p.last_name, p.first_name, r.register, r.category, r.level, r.registered_on,
  (SELECT MAX(v.reviewed_on) FROM risk_registrationreview v
    WHERE v.registration_id = r.id AND v.reviewed_on <= %(day)s) AS last_review,
  u.first_name, u.last_name, t.name
FROM organisation_allocation a
  JOIN organisation_team t ON t.id = a.team_id
  JOIN organisation_staff s ON s.id = a.staff_id
  JOIN auth_user u ON u.id = s.user_id
  JOIN people_person p ON p.id = a.person_id
  JOIN risk_registration r ON r.person_id = a.person_id
WHERE a.start_date <= %(day)s AND (a.end_date IS NULL OR a.end_date > %(day)s)
  AND r.registered_on <= %(day)s
  AND (r.deregistered_on IS NULL OR r.deregistered_on > %(day)s) {unit} {listed}
"""


@oracle("risk-register")
def risk_register(params: OracleParams) -> list[tuple[Cell, ...]]:
    unit = "" if params.delivery_unit_id is None else "AND t.delivery_unit_id = %(unit)s"
    with connection.cursor() as cursor:
        cursor.execute(
            SQL.format(unit=unit, listed=NOT_RESTRICTED),
            {"day": params.as_at, "unit": params.delivery_unit_id, "today": today()},
        )
        found = cursor.fetchall()
    rows: list[tuple[Cell, ...]] = []
    for crn, last, first, code, category, level, start, reviewed, *holder in found:
        start, reviewed = as_date(start), as_date(reviewed)
        assert start is not None
        rows.append(
            (
                *case_cells(crn, last, first),
                register_label(code),
                level_words(code, category, level),
                start,
                reviewed,
                *review_cells(code, start, reviewed, params.as_at),
                *holder_cells(*holder),
            )
        )
    return rows
