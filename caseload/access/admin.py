"""Administration of users, audit and tokens.

An administrator may not set or change another user's password here (so they can never know
it and act as that user): the password form and its URL are gone, new users start with no
usable password, and instead there are two audited actions, "Create a one-time link to set a
password" and "Require a password change at next sign-in" (`caseload.access.passwords`).
Every change to a user is audited with what changed. Only superusers may make superusers,
grant permissions or groups, or change or delete a superuser.

The audit log is not here: it is read at `/audit/` (`caseload.access.views`), where every
reading of it is itself audited.
"""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, URLResolver, path

from caseload.access.audit import record_audit
from caseload.access.models import ApiToken
from caseload.access.passwords import password_reset_link, require_password_change
from caseload.core.forms import KnownIdsMultipleChoiceField

User = get_user_model()

# Only a superuser may change these, on anyone (permissions and groups would let a staff
# user grant themselves everything a superuser has).
SUPERUSER_ONLY = ("is_superuser", "groups", "user_permissions")


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = [
        "prefix",
        "user",
        "name",
        "created_at",
        "expires_at",
        "last_used_at",
        "revoked_at",
    ]


class NewUserForm(forms.ModelForm):  # type: ignore[type-arg]
    """A new user has no usable password until they set one through a one-time link."""

    class Meta:
        model = User
        fields = ("username", "first_name", "last_name", "email")
        field_classes = {"username": auth_forms.UsernameField}

    def save(self, commit: bool = True) -> Any:
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
        return user


class UserChangeForm(auth_forms.UserChangeForm):  # type: ignore[type-arg]
    password = None  # type: ignore[assignment]  # no password on the form at all


def _value(value: Any) -> Any:
    """A form value as the audit's JSON holds it: groups and permissions by name."""
    if isinstance(value, (QuerySet, list, tuple)):
        return sorted(str(item) for item in value)
    return value


def user_changes(form: forms.ModelForm, change: bool) -> dict[str, list[Any]]:  # type: ignore[type-arg]
    """{field: [before, after]} for each field the administrator changed."""
    return {
        name: [_value(form.initial.get(name)) if change else None, _value(form.cleaned_data[name])]
        for name in form.changed_data
    }


admin.site.unregister(User)


@admin.register(User)
class AuditedUserAdmin(UserAdmin):  # type: ignore[type-arg]
    form = UserChangeForm
    add_form = NewUserForm
    add_form_template = None
    change_form_template = "access/admin/user_change_form.html"
    fieldsets = (
        (None, {"fields": ("username",)}),
        ("Personal info", {"fields": ("first_name", "last_name", "email")}),
        (
            "Permissions",
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        ("Important dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"fields": ("username", "first_name", "last_name", "email")}),)
    readonly_fields = ("last_login", "date_joined")
    actions = ["require_password_change_action"]

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        """Groups and permissions: an id beyond any database's integers is refused, not a 500."""
        kwargs.setdefault("form_class", KnownIdsMultipleChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        readonly = tuple(super().get_readonly_fields(request, obj))
        if request.user.is_superuser:
            return readonly
        return readonly + SUPERUSER_ONLY

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def get_urls(self) -> list[URLPattern | URLResolver]:
        """Django's own URLs without `<id>/password/`, plus the two password actions."""
        own = [
            pattern
            for pattern in super().get_urls()
            if getattr(pattern, "name", None) != "auth_user_password_change"
        ]
        wrap = self.admin_site.admin_view
        return [
            path(
                "<id>/password-link/",
                wrap(self.password_link_view),
                name="auth_user_password_link",
            ),
            path(
                "<id>/require-password-change/",
                wrap(self.require_password_change_view),
                name="auth_user_require_password_change",
            ),
            *own,
        ]

    # Auditing: after the groups and permissions are saved, so the entry has them.
    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        user = form.instance
        record_audit(
            request.user,
            "ADMIN_CHANGE_USER" if change else "ADMIN_ADD_USER",
            detail={
                "id": user.pk,
                "username": user.username,
                "changes": user_changes(form, change),
            },
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        detail = {"id": obj.pk, "username": obj.username}
        super().delete_model(request, obj)
        record_audit(request.user, "ADMIN_DELETE_USER", detail=detail)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        if not request.user.is_superuser and queryset.filter(is_superuser=True).exists():
            raise PermissionDenied
        deleted = [{"id": user.pk, "username": user.username} for user in queryset]
        super().delete_queryset(request, queryset)
        for detail in deleted:
            record_audit(request.user, "ADMIN_DELETE_USER", detail=detail)

    # The two ways to get a user a new password, neither of which lets the administrator know it.
    def _user_to_change(self, request: HttpRequest, id: str) -> Any:
        user = self.get_object(request, unquote(id))
        if user is None:
            raise Http404("No such user")
        if not self.has_change_permission(request, user):
            raise PermissionDenied
        return user

    def _page(self, request: HttpRequest, template: str, user: Any, **context: Any) -> Any:
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": user,
                **context,
            },
        )

    def password_link_view(self, request: HttpRequest, id: str) -> HttpResponse:
        """GET asks to confirm; POST makes the link and shows it, once."""
        user = self._user_to_change(request, id)
        link = password_reset_link(request, user) if request.method == "POST" else None
        return self._page(
            request,
            "access/admin/password_link.html",
            user,
            link=link,
            title=f"One-time link to set a password: {user.get_username()}",
            timeout_hours=settings.PASSWORD_RESET_TIMEOUT // 3600,
        )

    def require_password_change_view(self, request: HttpRequest, id: str) -> HttpResponse:
        user = self._user_to_change(request, id)
        if request.method == "POST":
            require_password_change(user, acting_user=request.user)
            self.message_user(
                request,
                f"{user.get_username()} must change their password when they next sign in.",
                messages.SUCCESS,
            )
            return redirect("admin:auth_user_change", user.pk)
        title = f"Require a password change: {user.get_username()}"
        return self._page(request, "access/admin/require_password_change.html", user, title=title)

    @admin.action(description="Require a password change at next sign-in", permissions=["change"])
    def require_password_change_action(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        if not request.user.is_superuser and queryset.filter(is_superuser=True).exists():
            raise PermissionDenied
        for user in queryset:
            require_password_change(user, acting_user=request.user)
        self.message_user(
            request,
            f"{len(queryset)} user(s) must change their password when they next sign in.",
            messages.SUCCESS,
        )
