from django.urls import path

from caseload.returns import views

urlpatterns = [
    path("returns/", views.returns_list, name="returns"),
    path("returns/<slug:return_name>/", views.return_page, name="return_page"),
    *(
        path(
            f"returns/<slug:return_name>/download.{fmt}",
            views.return_download,
            {"fmt": fmt},
            name=f"return_download_{fmt}",
        )
        for fmt in ("csv", "xlsx")
    ),
]
