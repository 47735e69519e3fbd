"""Today's "Essential work": the practitioner's overdue and due essentials, most urgent first.

It comes straight after the cases handed over and before the day's appointments: the
appointments are already in the practitioner's diary and will happen anyway, but an overdue
enquiry or home visit is exactly the work that is missed when nothing points at it, and the
practitioner plans the rest of the day around it. The list is short (the first
`TODAY_LIMIT`, with the counts above it and a link to all), so the appointments stay near the
top of the page.
"""

from typing import Any

from django.utils import timezone

from caseload.access.cases import visible_cases
from caseload.diary.today import TodaySection, register_today_section
from caseload.essentials.listing import OPEN_STATES
from caseload.essentials.reading import essentials_for_cases
from caseload.essentials.wording import counts_in_words

#: How many essentials Today lists; "See all" opens the whole list.
TODAY_LIMIT = 10


def essential_work(user: Any) -> dict[str, Any]:
    today = timezone.localdate()
    mine = visible_cases(user).held_by_user(user)
    found = essentials_for_cases(mine, today=today, states=OPEN_STATES)
    return {
        "today": today,
        "rows": found[:TODAY_LIMIT],
        "total": len(found),
        "counts": counts_in_words(((e.state, e.due_on) for e in found), today),
        "more": len(found) > TODAY_LIMIT,
    }


register_today_section(TodaySection("essentials", -5, "essentials/today.html", essential_work))
