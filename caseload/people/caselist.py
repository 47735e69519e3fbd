"""The case lists (My cases, Team cases, search results): one query for the page, whatever its
size (no N+1), sortable by each column on the database."""

from typing import Any

from django.conf import settings
from django.db.models import Case, F, IntegerField, OuterRef, QuerySet, Subquery, Value, When

from caseload.contacts.models import Contact
from caseload.diary.models import Appointment
from caseload.organisation.models import Allocation
from caseload.people.models import Person, Sentence
from caseload.risk.constants import ROSH_CODES
from caseload.risk.models import Registration
from caseload.search.domain import CaseQuery
from caseload.search.query import search_cases

#: Each sortable column, as the `sort` parameter names it, and the fields it orders by.
#: "tier" is the primary framework's tier; "-name" sorts descending. Nulls (no contact, no RoSH,
#: no tier) go last whichever way a column is sorted.
SORTS: dict[str, tuple[str, ...]] = {
    "name": ("last_name", "first_name", "crn"),
    "crn": ("crn",),
    "date_of_birth": ("date_of_birth", "last_name"),
    "tier": ("primary_tier", "last_name"),
    "rosh": ("rosh_rank", "last_name"),
    "next_appointment": ("next_appointment", "last_name"),
    "last_contact": ("last_contact", "last_name"),
    "practitioner": ("practitioner_last_name", "practitioner_first_name", "last_name"),
}

#: RoSH from the highest to the lowest, so that sorting ascending puts very high first.
ROSH_RANK = {"RVHR": 1, "RHRH": 2, "RMRH": 3, "RLRH": 4}

TIER_LETTERS = {"v2": "ABCD", "v3": "ABCDEFG"}


def tier_field() -> str:
    return "tier__v3_tier" if settings.PRIMARY_TIER_FRAMEWORK == "v3" else "tier__v2_tier"


def tier_letters() -> str:
    """The letters the primary framework gives (A–D for v2, A–G for v3): what the filter offers."""
    return TIER_LETTERS[settings.PRIMARY_TIER_FRAMEWORK]


def with_next_appointment(rows: QuerySet[Person]) -> QuerySet[Person]:
    """The start of each person's next appointment from now that is not cancelled."""
    upcoming = Appointment.objects.upcoming().filter(person=OuterRef("pk")).values("starts_at")
    return rows.annotate(next_appointment=Subquery(upcoming[:1]))


def _holder(field: str) -> Subquery:
    """One field of the allocation in force today: who holds the case, and in which team."""
    held = Allocation.objects.current().filter(person=OuterRef("pk")).order_by("-start_date")
    return Subquery(held.values(field)[:1])


def case_rows(
    cases: QuerySet[Person],
    *,
    sort: str = "name",
    tier: str = "",
    search: CaseQuery | None = None,
    practitioner: int | None = None,
) -> QuerySet[Person]:
    """`cases` (from the access module) as list rows: RoSH, current sentence type, last
    contact, primary tier, and the practitioner and team holding each case; filtered by the
    primary framework's tier letter, a search and the practitioner (a staff id), and sorted."""
    rosh = (
        Registration.objects.current()
        .filter(person=OuterRef("pk"), register__in=ROSH_CODES)
        .order_by("-registered_on", "-id")
    )
    sentence = (
        Sentence.objects.current().filter(event__person=OuterRef("pk")).order_by("-sentence_date")
    )
    latest_contact = Contact.objects.filter(person=OuterRef("pk")).order_by("-happened_at")
    rows = cases.select_related("tier").annotate(
        # A subquery per row (the contact index), not a join grouped over every contact: the
        # page's count then reads no annotation it does not filter on.
        last_contact=Subquery(latest_contact.values("happened_at")[:1]),
        rosh=Subquery(rosh.values("register")[:1]),
        sentence_type=Subquery(sentence.values("sentence_type")[:1]),
        primary_tier=F(tier_field()),
        practitioner_id=_holder("staff_id"),
        practitioner_first_name=_holder("staff__user__first_name"),
        practitioner_last_name=_holder("staff__user__last_name"),
        team_name=_holder("team__name"),
    )
    rows = rows.annotate(
        rosh_rank=Case(
            *(When(rosh=code, then=Value(rank)) for code, rank in ROSH_RANK.items()),
            default=None,
            output_field=IntegerField(),
        ),
    )
    rows = with_next_appointment(rows)
    if tier:
        rows = rows.filter(**{f"{tier_field()}__startswith": tier})
    if search is not None:
        rows = search_cases(rows, search)
    if practitioner is not None:
        rows = rows.filter(practitioner_id=practitioner)
    return rows.order_by(*ordering(sort))


def ordering(sort: str) -> list[Any]:
    """The order for a `sort` parameter; an unknown one sorts by name."""
    descending = sort.startswith("-")
    fields = SORTS.get(sort.lstrip("-"), SORTS["name"])
    first, *rest = fields
    lead = F(first).desc(nulls_last=True) if descending else F(first).asc(nulls_last=True)
    return [lead, *(f"-{f}" if descending else f for f in rest)]
