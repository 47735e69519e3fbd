"""The caseload list: one query for the page, whatever its size (no N+1)."""

from typing import Any

from django.conf import settings
from django.db.models import Max, OuterRef, Q, QuerySet, Subquery

from caseload.people.models import Person, Sentence
from caseload.risk.constants import ROSH_CODES
from caseload.risk.models import Registration

SORTS = {
    "name": ("last_name", "first_name"),
    "crn": ("crn",),
    "tier_v2": ("tier__v2_tier", "last_name"),
    "tier_v3": ("tier__v3_tier", "last_name"),
    "last_contact": ("last_contact", "last_name"),
}


def tier_field() -> str:
    return "tier__v3_tier" if settings.PRIMARY_TIER_FRAMEWORK == "v3" else "tier__v2_tier"


def case_rows(
    cases: QuerySet[Person], *, sort: str = "name", tier: str = "", search: str = ""
) -> QuerySet[Person]:
    rosh = (
        Registration.objects.current()
        .filter(person=OuterRef("pk"), register__in=ROSH_CODES)
        .order_by("-registered_on", "-id")
    )
    sentence = (
        Sentence.objects.current().filter(event__person=OuterRef("pk")).order_by("-sentence_date")
    )
    rows = cases.select_related("tier").annotate(
        last_contact=Max("contacts__happened_at"),
        rosh=Subquery(rosh.values("register")[:1]),
        sentence_type=Subquery(sentence.values("sentence_type")[:1]),
    )
    if tier:
        rows = rows.filter(**{f"{tier_field()}__startswith": tier})
    if search:
        term = search.strip()
        rows = rows.filter(
            Q(crn__iexact=term) | Q(last_name__icontains=term) | Q(first_name__icontains=term)
        )
    key = sort.lstrip("-")
    if key == "tier":
        key = "tier_v3" if settings.PRIMARY_TIER_FRAMEWORK == "v3" else "tier_v2"
    order: Any = SORTS.get(key, SORTS["name"])
    if sort.startswith("-"):
        order = [f"-{f}" for f in order]
    return rows.order_by(*order)
