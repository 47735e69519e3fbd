from django.urls import path

from caseload.workload import views
from caseload.workload.tables import WEIGHTING_TABLES

BASE = "reference-data/workload"

urlpatterns = [
    path("reference-data/", views.reference_data, name="reference_data"),
    path(f"{BASE}/agreement/", views.agreement_page, name="workload_agreement"),
    path(f"{BASE}/agreement/new/", views.new_agreement_page, name="workload_new_agreement"),
]
for spec in WEIGHTING_TABLES:
    urlpatterns += [
        path(f"{BASE}/{spec.slug}/", views.table_page(spec), name=f"workload_{spec.slug}"),
        path(
            f"{BASE}/{spec.slug}/new/",
            views.new_version_page(spec),
            name=f"workload_new_{spec.slug}",
        ),
    ]
