from django.urls import path

from caseload.diary import views

APPOINTMENT = "cases/<str:crn>/appointments/<int:appointment_id>"

urlpatterns = [
    path("today/", views.today, name="today"),
    path("diary/", views.diary_day, name="diary_day"),
    path("diary/week/", views.diary_week, name="diary_week"),
    path("diary/calendar-feed/", views.calendar_feed_settings, name="calendar_feed_settings"),
    path("diary/feed/<str:feed_token>.ics", views.diary_feed, name="diary_feed"),
    path("cases/<str:crn>/appointments/new/", views.arrange, name="arrange_appointment"),
    path(f"{APPOINTMENT}/", views.appointment_detail, name="appointment_detail"),
    path(f"{APPOINTMENT}/reschedule/", views.reschedule, name="reschedule_appointment"),
    path(f"{APPOINTMENT}/cancel/", views.cancel, name="cancel_appointment"),
    path(f"{APPOINTMENT}/outcome/", views.record_outcome, name="record_appointment_outcome"),
    path(f"{APPOINTMENT}/letter/", views.appointment_letter, name="appointment_letter"),
    path(f"{APPOINTMENT}.ics", views.appointment_ics, name="appointment_ics"),
]
