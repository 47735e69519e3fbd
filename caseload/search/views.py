"""The search page: every case the user may see, found by name, CRN, PNC number or date of
birth, paged with the query kept."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability
from caseload.access.cases import visible_cases
from caseload.access.rules import surface
from caseload.core.pagination import filters_without_page, paged_title
from caseload.people.caselist import case_rows
from caseload.search.forms import SearchForm

RESULTS_PER_PAGE = 25


@surface(Capability.SEE_CASE)
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET if "q" in request.GET else None)
    context: dict[str, object] = {"form": form, "page_title": "Search for a case"}
    if form.is_valid():
        query = form.cleaned_data["q"]
        rows = case_rows(visible_cases(request.user), search=query)
        page = Paginator(rows, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        record_audit(
            request.user,
            "SEARCH_CASES",
            detail={"query": query.text, "page": page.number, "results": page.paginator.count},
        )
        context |= {
            "query_text": query.text,
            "page": page,
            "query": filters_without_page(request),
            "page_title": paged_title(f"Search results for ‘{query.text}’", page),
        }
    return render(request, "search/search.html", context)
