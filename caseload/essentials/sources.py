"""The facts other parts record that satisfy essentials, each read for a whole batch by that
part's own loader (the shared interface of issue 10): enquiries (`safeguarding.facts`),
plans and oversight (`plans.facts`), breaches and recalls (`enforcement.facts`), and the
enforcement steps the rules require (`enforcement.domain.enforcement_steps`)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from caseload.contacts.domain import ContactFact
from caseload.essentials.domain.facts import EnforcementStep, Enquiry, Plans
from caseload.people.domain import SentenceFacts


def enquiries(person_ids: Collection[int]) -> dict[int, tuple[Enquiry, ...]]:
    return {}


def plans(person_ids: Collection[int]) -> dict[int, Plans]:
    return {}


def enforcement(person_ids: Collection[int]) -> dict[int, Any]:
    return {}


def steps(
    *,
    sentence: SentenceFacts | None,
    contacts: Sequence[ContactFact],
    enforcement: Any,
    as_at: date,
) -> tuple[EnforcementStep, ...]:
    return ()
