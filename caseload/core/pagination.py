"""Paging a filtered list: the page links keep every filter the list was asked for."""

from typing import Any

from django.core.paginator import Page
from django.http import HttpRequest


def filters_without_page(request: HttpRequest) -> str:
    """The request's query string less `page`, for `core/pagination.html` to add each page to."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def paged_title(title: str, page: Page[Any]) -> str:
    """A list's page title, unique for each page: "My cases (page 2 of 3)" beyond one page."""
    if page.paginator.num_pages <= 1:
        return title
    return f"{title} (page {page.number} of {page.paginator.num_pages})"
