from django.urls import path

from caseload.search import views

urlpatterns = [path("search/", views.search, name="search")]
