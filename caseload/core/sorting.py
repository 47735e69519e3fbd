"""Sortable table headers done on the server: each header is a link that sorts by its column
(again to reverse it), keeping the list's filters, and says how it is sorted (`aria-sort`), as
the MoJ sortable table does in the browser."""

from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class Column:
    """`first` is the direction a first click sorts in: "descending" for dates wanted newest
    first (last contact)."""

    label: str
    key: str | None = None
    first: str = "ascending"


@dataclass(frozen=True)
class Header:
    label: str
    href: str | None
    aria_sort: str | None


def sortable_headers(request: HttpRequest, sort: str, columns: list[Column]) -> list[Header]:
    """The headers for a table sorted by `sort` ("name", or "-name" for descending)."""
    current, descending = sort.lstrip("-"), sort.startswith("-")
    headers = []
    for column in columns:
        if column.key is None:
            headers.append(Header(column.label, None, None))
            continue
        if column.key == current:
            aria_sort = "descending" if descending else "ascending"
            next_sort = column.key if descending else f"-{column.key}"
        else:
            aria_sort = "none"
            next_sort = f"-{column.key}" if column.first == "descending" else column.key
        query = request.GET.copy()
        query.pop("page", None)
        query["sort"] = next_sort
        headers.append(Header(column.label, f"?{query.urlencode()}", aria_sort))
    return headers
