"""The subject-access export as a printable page and as a JSON download.

Only users who answer subject-access requests (heads of delivery units) may use either: others
get the "no access" page before the case is looked up, so the page reveals nothing about which
cases exist; a case the user may not see is 404, as everywhere else.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from caseload.access.capabilities import Capability
from caseload.access.rules import case_page
from caseload.dataprotection.export import subject_access_export


@case_page(needs=Capability.EXPORT_SUBJECT_ACCESS)
@never_cache
def subject_access(request: HttpRequest, crn: str) -> HttpResponse:
    export = subject_access_export(request.user, crn, format="html")
    return render(request, "dataprotection/subject_access.html", {"export": export})


@case_page(needs=Capability.EXPORT_SUBJECT_ACCESS)
@never_cache
def subject_access_json(request: HttpRequest, crn: str) -> HttpResponse:
    export = subject_access_export(request.user, crn, format="json")
    response = HttpResponse(export.as_text(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export.filename()}"'
    return response
