"""The health check a load balancer or systemd watchdog asks: is the database answering?

Public and cheap: one `SELECT 1`, no session, nothing about any case. 200 "ok" or 503 with the
reason's class only (never the database's message, which can name hosts and users)."""

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def health(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return HttpResponse(
            f"database unavailable ({type(error).__name__})", status=503, content_type="text/plain"
        )
    return HttpResponse("ok", content_type="text/plain")
