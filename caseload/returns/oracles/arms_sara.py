"""`arms-sara` in one hand-written statement."""

from django.db import connection

from caseload.returns.catalogue._named_cases import as_date
from caseload.returns.catalogue.arms_sara import TOOLS, TRIGGERS, case_rows
from caseload.returns.oracles import OracleParams, oracle
from caseload.returns.oracles._named_cases import NOT_RESTRICTED, today
from caseload.returns.registry import Cell

REGISTERED = """EXISTS (SELECT 1 FROM risk_registration r
    WHERE r.person_id = a.person_id AND r.register = '{code}' {more}
      AND r.registered_on <= %(day)s
      AND (r.deregistered_on IS NULL OR r.deregistered_on > %(day)s))"""

COMPLETED = """(SELECT MAX(d.completed_on) FROM risk_toolassessment d
    WHERE d.person_id = a.person_id AND d.tool = '{tool}' AND d.completed_on <= %(day)s)"""

SQL = """
SELECT * FROM (
  SELECT p.crn, p.last_name, p.first_name, p.sex,
    {arso} AS arso,
    {mappa_1} AS mappa_category_1,
    EXISTS (SELECT 1 FROM people_criminalhistory h WHERE h.person_id = a.person_id
      AND (h.contact_adult_sexual_sanctions > 0 OR h.contact_child_sexual_sanctions > 0
        OR h.indecent_image_sanctions > 0 OR h.non_contact_sexual_offences > 0)) AS sexual_offence,
    {advp} AS advp,
    {reg30} AS reg30,
    {arms_completed} AS arms_completed,
    {sara_completed} AS sara_completed,
    u.first_name AS holder_first, u.last_name AS holder_last, t.name AS team
  FROM organisation_allocation a
    JOIN organisation_team t ON t.id = a.team_id
    JOIN organisation_staff s ON s.id = a.staff_id
    JOIN auth_user u ON u.id = s.user_id
    JOIN people_person p ON p.id = a.person_id
  WHERE a.start_date <= %(day)s AND (a.end_date IS NULL OR a.end_date > %(day)s) {unit} {listed}
) c
WHERE ((c.arso OR c.mappa_category_1 OR c.sexual_offence) AND c.sex <> 'FEMALE')
  OR c.advp OR c.reg30
"""


@oracle("arms-sara")
def arms_sara(params: OracleParams) -> list[tuple[Cell, ...]]:
    unit = "" if params.delivery_unit_id is None else "AND t.delivery_unit_id = %(unit)s"
    sql = SQL.format(
        arso=REGISTERED.format(code="ARSO", more=""),
        mappa_1=REGISTERED.format(code="MAPP", more="AND r.category = 'M1'"),
        advp=REGISTERED.format(code="ADVP", more=""),
        reg30=REGISTERED.format(code="REG30", more=""),
        arms_completed=COMPLETED.format(tool="ARMS"),
        sara_completed=COMPLETED.format(tool="SARA"),
        unit=unit,
        listed=NOT_RESTRICTED,
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql, {"day": params.as_at, "unit": params.delivery_unit_id, "today": today()}
        )
        found = cursor.fetchall()
    rows: list[tuple[Cell, ...]] = []
    flags_end = len(TRIGGERS)
    for crn, last, first, sex, *rest in found:
        flags = {t.key: bool(v) for t, v in zip(TRIGGERS, rest[:flags_end], strict=True)}
        done = rest[flags_end : flags_end + len(TOOLS)]
        completed = {tool: as_date(d) for tool, d in zip(TOOLS, done, strict=True)}
        holder = rest[flags_end + len(TOOLS) :]
        rows.extend(case_rows((crn, last, first), sex, flags, completed, holder, params.as_at))
    return rows
