from django.urls import path

from caseload.workload import evidence_views, views, week_views
from caseload.workload.tables import WEIGHTING_TABLES

BASE = "reference-data/workload"

urlpatterns = [
    path("reference-data/", views.reference_data, name="reference_data"),
    path("workload/week/", week_views.my_week, name="my_workload_week"),
    path("workload/week/note/", week_views.my_week_note, name="my_workload_note"),
    path("workload/week/does-not-fit.csv", week_views.my_week_csv, name="my_workload_csv"),
    path("team/workload/", week_views.team_workload, name="team_workload"),
    path("team/workload/reductions/new/", week_views.new_reduction, name="new_reduction"),
    path("team/workload/does-not-fit.csv", week_views.team_workload_csv, name="team_workload_csv"),
    path("workload/evidence/", evidence_views.evidence_page, name="workload_evidence"),
    path(
        "workload/evidence/actual-against-agreed.csv",
        evidence_views.evidence_csv,
        name="workload_evidence_csv",
    ),
    path("workload/aggregate/", evidence_views.aggregate_page, name="workload_aggregate"),
    path(
        "workload/establishment/",
        evidence_views.establishment_page,
        name="workload_establishment",
    ),
    path(
        "workload/establishment/new/",
        evidence_views.new_establishment,
        name="workload_new_establishment",
    ),
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
