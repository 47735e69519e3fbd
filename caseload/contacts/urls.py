from django.urls import path

from caseload.contacts import views

urlpatterns = [
    path("cases/<str:crn>/contacts/new/", views.new_contact, name="new_contact"),
    path("cases/<str:crn>/activity-log/", views.activity_log, name="case_activity"),
]
