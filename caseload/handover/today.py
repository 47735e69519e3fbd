"""On Today, before the day's appointments: the cases handed over to the practitioner whose
handover summary they have not read yet."""

from typing import Any

from caseload.diary.today import TodaySection, register_today_section
from caseload.handover.notices import unread_handovers


def handovers_to_read(user: Any) -> dict[str, Any]:
    return {"handovers": list(unread_handovers(user))}


register_today_section(
    TodaySection("handovers", -10, "handover/today_notice.html", handovers_to_read)
)
