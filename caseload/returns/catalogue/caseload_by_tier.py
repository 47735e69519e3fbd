"""People by tier (both frameworks), sentence type and team, where they were held that day."""

from collections.abc import Iterator

from django.conf import settings
from django.db.models import Count

from caseload.people.constants import SentenceType
from caseload.returns.reading import sentence_type_on, tier_on
from caseload.returns.registry import Chart, Column, Return, Row, Table, register
from caseload.returns.scope import ReturnScope

FRAMEWORKS = {"v2": "Tier (A to D, 0 to 3)", "v3": "Tier (A to G)"}
NO_TIER = "Not yet tiered"
NO_SENTENCE = "No sentence in force"


def _counts(scope: ReturnScope, framework: str) -> Iterator[tuple[str, str, str, int]]:
    day = scope.as_at
    grouped = (
        scope.held.annotate(
            tier=tier_on(framework, day, "person_id"),
            sentence=sentence_type_on(day, "person_id"),
        )
        .values("team__name", "sentence", "tier")
        .annotate(people=Count("person_id"))
        .order_by("team__name", "sentence", "tier")
    )
    for row in grouped.iterator():
        sentence = SentenceType(row["sentence"]).label if row["sentence"] else NO_SENTENCE
        yield row["team__name"], str(sentence), row["tier"] or NO_TIER, row["people"]


def rows(scope: ReturnScope) -> Iterator[Row]:
    for framework, title in FRAMEWORKS.items():
        for team, sentence, tier, people in _counts(scope, framework):
            yield title, tier, sentence, team, people


def summary(scope: ReturnScope) -> Table:
    framework = settings.PRIMARY_TIER_FRAMEWORK
    totals: dict[str, int] = {}
    for _team, _sentence, tier, people in _counts(scope, framework):
        totals[tier] = totals.get(tier, 0) + people
    return Table(
        columns=(Column("tier", FRAMEWORKS[framework]), Column("people", "People", "number")),
        rows=tuple((tier, totals[tier]) for tier in sorted(totals)),
    )


RETURN = register(
    Return(
        name="caseload-by-tier",
        title="Caseload by tier",
        description=(
            "People held on the day, by tier in both frameworks, sentence type and team. "
            "Each person is counted once per framework, where their case was allocated that day."
        ),
        reads=(
            "organisation.Allocation",
            "tiering.TierChange",
            "people.Sentence",
        ),
        columns=(
            Column("framework", "Framework"),
            Column("tier", "Tier"),
            Column("sentence_type", "Sentence type"),
            Column("team", "Team"),
            Column("people", "People", "number"),
        ),
        rows=rows,
        summary=summary,
        chart=Chart(label="tier", value="people", title="People by tier"),
        measures=(
            (
                "Tier",
                "The tier the record showed at the end of the day (the latest tier change "
                "recorded before midnight), in each framework.",
                "ministryofjustice/hmpps-tier",
            ),
        ),
    )
)
