"""The audit pages: "who viewed this case", and the audit search for investigations.

"Who viewed this case" is a task on one case (`@case_page(needs=SEE_CASE_AUDIT)`): managers
and heads of delivery units reach it from the case page, for the cases they can see; anyone
else gets 404 for the case, as with every case page. Administrators, who see no case, search the
audit instead (`/audit/?crn=...`), which shows the same entries. Both pages show only the
audit's own fields (when, who, what, which CRN, the outcome), never case content. Which entries
a user sees is decided in `audit_log.entries_for`. Viewing the audit is itself audited
(`VIEW_AUDIT`).
"""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from caseload.access.audit import record_audit
from caseload.access.audit_actions import FAIL
from caseload.access.audit_log import AuditFilters, as_shown, entries_for, may_see_case_audit
from caseload.access.capabilities import Capability
from caseload.access.forms import AuditSearchForm
from caseload.access.rules import case_page, surface
from caseload.core.pagination import filters_without_page

PER_PAGE = 50


@case_page(needs=Capability.SEE_CASE_AUDIT)
def case_audit(request: HttpRequest, crn: str) -> HttpResponse:
    """Every entry about one case, newest first: 404 for a case the user may not see."""
    crn = crn.upper()[:7]
    if not may_see_case_audit(request.user, crn):
        record_audit(request.user, "VIEW_AUDIT", crn=crn, outcome=FAIL)
        raise Http404("No case with that CRN")
    page = Paginator(AuditFilters(crn=crn).apply(entries_for(request.user)), PER_PAGE).get_page(
        request.GET.get("page")
    )
    shown = [as_shown(entry) for entry in page]
    record_audit(request.user, "VIEW_AUDIT", crn=crn, detail={"page": page.number})
    context = {"crn": crn, "page": page, "entries": shown}
    return render(request, "access/case_audit.html", context)


@surface(Capability.SEE_CASE_AUDIT)
def audit_search(request: HttpRequest) -> HttpResponse:
    """The audit, newest first, filtered by CRN, username, dates and action. Bad filters get
    the error summary (400) and no entries."""
    form = AuditSearchForm(request.GET)
    if not form.is_valid():
        return render(request, "access/audit_search.html", {"form": form}, status=400)
    filters = form.filters()
    entries = filters.apply(entries_for(request.user))
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    shown = [as_shown(entry) for entry in page]
    detail = {"filters": filters.as_detail(), "page": page.number}
    record_audit(request.user, "VIEW_AUDIT", crn=filters.crn, detail=detail)
    query = filters_without_page(request)
    context = {"form": form, "page": page, "entries": shown, "query": query}
    return render(request, "access/audit_search.html", context)
