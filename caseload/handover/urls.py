from django.urls import path

from caseload.handover import views

urlpatterns = [
    path("cases/<str:crn>/handover/", views.case_handover, name="case_handover"),
]
