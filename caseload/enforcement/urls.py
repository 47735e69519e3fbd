from django.urls import path

from caseload.enforcement import views

BASE = "cases/<str:crn>/enforcement"

urlpatterns = [
    path(
        f"{BASE}/failures/<int:failure_id>/decision/",
        views.record_enforcement_decision,
        name="record_enforcement_decision",
    ),
    path(
        f"{BASE}/failures/<int:failure_id>/breach-pack/",
        views.record_breach_pack_sent,
        name="record_breach_pack_sent",
    ),
    path(
        f"{BASE}/breaches/<int:breach_id>/outcome/",
        views.record_breach_outcome,
        name="record_breach_outcome",
    ),
    path(f"{BASE}/recalls/new/", views.consider_recall, name="consider_recall"),
    path(f"{BASE}/recalls/<int:recall_id>/decision/", views.decide_recall, name="decide_recall"),
    path(
        f"{BASE}/recalls/<int:recall_id>/countersign/",
        views.countersign_recall,
        name="countersign_recall",
    ),
    path(
        f"{BASE}/recalls/<int:recall_id>/part-a/",
        views.record_part_a_sent,
        name="record_part_a_sent",
    ),
]
