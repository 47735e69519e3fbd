"""The Returns pages: the list, one return with its filters, summary, chart and rows, and its
CSV and XLSX downloads."""

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability, has_capability
from caseload.access.rules import surface
from caseload.core.pagination import filters_without_page
from caseload.core.replica import reading_from_replica, replica_state, streamed_from_replica
from caseload.returns import freshness
from caseload.returns.charts import chart_of
from caseload.returns.exporting import streamed_csv, xlsx_file
from caseload.returns.forms import ReturnFilterForm
from caseload.returns.paging import page_number, page_of
from caseload.returns.registry import Return, all_returns, get_return
from caseload.returns.scope import ReturnFilterError, ReturnScope, scope_for, units_for
from caseload.returns.writers import CONTENT_TYPES

ROWS_PER_PAGE = 50


@surface(Capability.SEE_RETURNS)
def returns_list(request: HttpRequest) -> HttpResponse:
    return render(request, "returns/list.html", {"returns": all_returns()})


def _declared(return_name: str) -> Return:
    declared = get_return(return_name)
    if declared is None:
        raise Http404("No return with that name")
    return declared


def _filtered(
    request: HttpRequest, declared: Return
) -> tuple[ReturnFilterForm, ReturnScope | None]:
    today = timezone.localdate()
    form = ReturnFilterForm(
        request.GET or None, declared=declared, units=units_for(request.user, today), today=today
    )
    if request.GET and not form.is_valid():
        return form, None
    filters = form.filters() if request.GET else form.filters({})
    try:
        return form, scope_for(request.user, filters, today)
    except ReturnFilterError as problems:
        for problem in problems.problems:
            if problem.field in form.fields:
                form.add_error(problem.field, problem.message)
        return form, None


def _covering(form: ReturnFilterForm, scope: ReturnScope) -> str:
    """Whose cases the figures cover, in words: the narrowest filter chosen."""
    for name in ("practitioner", "team", "delivery_unit", "region"):
        code = getattr(scope.filters, name)
        if code:
            label = dict(form.fields[name].choices).get(code, code)  # type: ignore[attr-defined]
            return f"Cases held by {label}" if name == "practitioner" else f"Cases in {label}"
    return "Every case in your scope"


@surface(Capability.SEE_RETURNS)
@reading_from_replica()
def return_page(request: HttpRequest, return_name: str) -> HttpResponse:
    declared = _declared(return_name)
    form, scope = _filtered(request, declared)
    context: dict[str, object] = {"declared": declared, "form": form}
    if scope is not None:
        read_from = freshness.in_words(replica_state())
        summary = declared.summary(scope) if declared.summary else None
        page = page_of(declared.rows(scope), page_number(request.GET.get("page")), ROWS_PER_PAGE)
        record_audit(
            request.user,
            "VIEW_RETURN",
            detail={
                "return": declared.name,
                "filters": scope.filters.as_dict(),
                "rows": page.total,
            },
        )
        query = scope.filters.as_dict()
        context |= {
            "scope": scope,
            "covering": _covering(form, scope),
            "read_from": read_from,
            "summary": summary,
            "chart": chart_of(declared, summary) if summary else None,
            "page": page,
            "query": filters_without_page(request),
            "downloads": has_capability(request.user, Capability.EXPORT_RETURNS),
            "download_query": urlencode(query),
        }
    return render(request, "returns/return.html", context, status=200 if scope else 400)


@surface(Capability.EXPORT_RETURNS)
@reading_from_replica()
def return_download(request: HttpRequest, return_name: str, fmt: str) -> HttpResponse:
    declared = _declared(return_name)
    if fmt not in CONTENT_TYPES:
        raise Http404("No such format")
    form, scope = _filtered(request, declared)
    if scope is None:
        return render(
            request, "returns/return.html", {"declared": declared, "form": form}, status=400
        )
    filename = f"{declared.name}-{scope.as_at.isoformat()}.{fmt}"
    disposition = f'attachment; filename="{filename}"'
    if fmt == "csv":
        response: HttpResponse = StreamingHttpResponse(
            streamed_from_replica(streamed_csv(declared, scope)), content_type=CONTENT_TYPES["csv"]
        )
    else:
        response = xlsx_file(declared, scope)
    response["Content-Disposition"] = disposition
    return response
