"""Administration of the organisation.

Case records are deliberately not editable here: every change to a case goes through an action,
so it is validated, audited and refreshes derived values."""

from typing import Any

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from caseload.access.audit import record_audit
from caseload.organisation.models import DeliveryUnit, Region, Staff, Team


class AuditedAdmin(SimpleHistoryAdmin):
    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        record_audit(
            request.user,
            "ADMIN_CHANGE" if change else "ADMIN_ADD",
            detail={"model": obj._meta.label, "id": obj.pk, "fields": list(form.changed_data)},
        )


@admin.register(Region)
class RegionAdmin(AuditedAdmin):
    list_display = ["code", "name"]


@admin.register(DeliveryUnit)
class DeliveryUnitAdmin(AuditedAdmin):
    list_display = ["code", "name", "region"]


@admin.register(Team)
class TeamAdmin(AuditedAdmin):
    list_display = ["code", "name", "delivery_unit"]


@admin.register(Staff)
class StaffAdmin(AuditedAdmin):
    list_display = ["officer_code", "__str__", "grade", "role", "team", "contracted_hours"]
    list_filter = ["grade", "role", "team"]
    search_fields = ["officer_code", "user__username", "user__last_name"]
