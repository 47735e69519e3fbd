"""`inspection-self-check` in one hand-written statement."""

from django.db import connection

from caseload.returns.catalogue._named_cases import case_cells, holder_cells
from caseload.returns.catalogue.inspection_self_check import NO, NOT_NEEDED, QUESTIONS, YES
from caseload.returns.oracles import OracleParams, oracle
from caseload.returns.oracles._named_cases import NOT_RESTRICTED, today
from caseload.returns.registry import Cell

ANSWER = """CASE
    WHEN EXISTS (SELECT 1 FROM essentials_essentialdue e WHERE e.person_id = a.person_id
      AND e.kind = '{kind}' AND e.due_on <= %(day)s
      AND (e.state = 'due' OR (e.state = 'done'
        AND (e.done_on IS NULL OR e.done_on > {done_by})))) THEN '{no}'
    WHEN EXISTS (SELECT 1 FROM essentials_essentialdue e WHERE e.person_id = a.person_id
      AND e.kind = '{kind}' AND e.state <> 'not_required' AND e.done_on <= %(day)s) THEN '{yes}'
    ELSE '{not_needed}' END"""

SQL = """
SELECT p.crn, p.last_name, p.first_name, {answers}, u.first_name, u.last_name, t.name
FROM organisation_allocation a
  JOIN organisation_team t ON t.id = a.team_id
  JOIN organisation_staff s ON s.id = a.staff_id
  JOIN auth_user u ON u.id = s.user_id
  JOIN people_person p ON p.id = a.person_id
WHERE a.start_date <= %(day)s AND (a.end_date IS NULL OR a.end_date > %(day)s) {unit} {listed}
"""


@oracle("inspection-self-check")
def inspection_self_check(params: OracleParams) -> list[tuple[Cell, ...]]:
    answers = ", ".join(
        ANSWER.format(
            kind=q.kind,
            done_by="e.due_on" if q.on_time else "%(day)s",
            no=NO,
            yes=YES,
            not_needed=NOT_NEEDED,
        )
        for q in QUESTIONS
    )
    unit = "" if params.delivery_unit_id is None else "AND t.delivery_unit_id = %(unit)s"
    with connection.cursor() as cursor:
        cursor.execute(
            SQL.format(answers=answers, unit=unit, listed=NOT_RESTRICTED),
            {"day": params.as_at, "unit": params.delivery_unit_id, "today": today()},
        )
        found = cursor.fetchall()
    count = len(QUESTIONS)
    return [
        (*case_cells(*row[:3]), *row[3 : 3 + count], *holder_cells(*row[3 + count :]))
        for row in found
    ]
