"""The columns of the case lists: My cases, and the team's (with who holds each case)."""

from django.http import HttpRequest

from caseload.core.sorting import Column, Header, sortable_headers


def case_list_columns(*, mine: bool) -> list[Column]:
    columns = [
        Column("Name", "name"),
        Column("CRN", "crn"),
        Column("Tier", "tier"),
        Column("RoSH", "rosh"),
        Column("Next appointment", "next_appointment"),
        Column("Last contact", "last_contact", first="descending"),
    ]
    if not mine:
        columns.append(Column("Practitioner", "practitioner"))
    return columns


def sortable_columns(request: HttpRequest, sort: str, *, mine: bool) -> list[Header]:
    return sortable_headers(request, sort, case_list_columns(mine=mine))
