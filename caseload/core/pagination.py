"""Paging a filtered list: the page links keep every filter the list was asked for."""

from django.http import HttpRequest


def filters_without_page(request: HttpRequest) -> str:
    """The request's query string less `page`, for `core/pagination.html` to add each page to."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
