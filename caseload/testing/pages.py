"""Reading pages in tests as a browser would."""

from html.parser import HTMLParser
from typing import Any


class _HiddenInputs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "input" and found.get("type") == "hidden" and found.get("name"):
            self.values[str(found["name"])] = found.get("value") or ""


def opened_form(client: Any, url: str) -> dict[str, str]:
    """Open a form page and return the hidden fields it was shown with (the versions of the
    records it changes), to post back with the answers; the CSRF token is left to the client."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    parser = _HiddenInputs()
    parser.feed(response.content.decode())
    parser.values.pop("csrfmiddlewaretoken", None)
    return parser.values


def whole_case_record(client: Any, crn: str) -> str:
    """Every section of the case record, one page after another, as one text."""
    from django.urls import reverse

    from caseload.people.record import SECTIONS

    pages = []
    for key, _, _ in SECTIONS:
        response = client.get(
            reverse("case_detail" if key == "overview" else f"case_{key}", args=[crn])
        )
        assert response.status_code == 200, (key, response.status_code)
        pages.append(response.content.decode())
    return "\n".join(pages)
