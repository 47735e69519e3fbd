"""Every form on a page, fed random data by hypothesis, as the case's practitioner.

Text with control characters, huge numbers, impossible and far-off dates, missing fields and
extra ones, posted as the user the page is for (the case's practitioner, their manager, an
administrator, someone resetting their password): the page answers 200, 302, 400 or 409 (a stale
version), never a 5xx; unless it redirects nothing is written, and a 400 shows the GOV.UK error
summary. Forms are discovered, not listed: a new form without a page in `FORM_PAGES` fails
`test_every_form_has_a_page_here`, naming it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from importlib import import_module
from importlib.util import find_spec
from typing import Any

import pytest
from django import forms
from django.apps import apps
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlencode, urlsafe_base64_encode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseload.access.actions import add_to_limited_access
from caseload.access.models import LimitedAccess
from caseload.allocation.models import Absence
from caseload.contacts.models import Contact
from caseload.core.govuk_dates import GovUKDateField, GovUKTimeField
from caseload.diary.models import Appointment, AppointmentSeries, Reschedule
from caseload.enforcement.models import Breach, FailureDecision, RecallConsideration
from caseload.essentials.actions import snooze_essential
from caseload.essentials.models import EssentialOverride
from caseload.organisation.constants import Grade, Role
from caseload.organisation.models import Allocation
from caseload.people.models import (
    Address,
    Adjustment,
    Circumstance,
    Disability,
    Person,
    PersonalContact,
    PhoneAndEmail,
)
from caseload.plans.models import ManagementOversight, RiskManagementPlan, SentencePlan
from caseload.risk.actions import register_flag
from caseload.risk.models import Assessment, Registration, RegistrationReview, RoshSummary
from caseload.safeguarding.models import Enquiry
from caseload.testing.enforcement import enforcement_records
from caseload.testing.factories import (
    AppointmentFactory,
    ReportFactory,
    StaffFactory,
    UserFactory,
)
from caseload.workload.models import (
    AgreedTiming,
    AgreementVersion,
    CasePointsRow,
    EstablishmentPosts,
    WeightingVersion,
)


@dataclass(frozen=True)
class FormPage:
    """Where a form is posted: `url(world)` (which may prepare the client), and by whom."""

    url: Callable[["World"], str]
    user: str = "practitioner"
    govuk: bool = True  # the Django admin's pages are not GOV.UK pages


@dataclass
class World:
    client: Client
    case: Person
    users: dict[str, Any]

    def case_url(self, name: str, *args: object) -> str:
        return reverse(name, args=[self.case.crn, *args])

    def registration_id(self) -> int:
        return self.case.registrations.order_by("pk").first().pk  # type: ignore[union-attr]

    def essential_url(self, name: str) -> str:
        """An override page of an essential the engine found due on the case."""
        essential = self.case.essentials_due.filter(state="due").order_by("pk").first()
        assert essential is not None, "the case has no essential due"
        query = f"?{urlencode({'subject': essential.subject})}" if essential.subject else ""
        return self.case_url(name, essential.kind) + query

    def override_url(self) -> str:
        """The page that ends an override: the first time, snooze an essential to end."""
        in_force = EssentialOverride.objects.in_force(timezone.localdate()).first()
        if in_force is None:
            essential = self.case.essentials_due.filter(state="due").order_by("pk")[0]
            in_force = snooze_essential(
                self.case.crn,
                acting_user=self.users["practitioner"],
                kind=essential.kind,
                subject=essential.subject,
                reason="On holiday",
                until=timezone.localdate() + timedelta(days=7),
            )
        return self.case_url("end_essential_override", in_force.pk)

    def failure_id(self) -> int:
        return self.case.contacts.filter(outcome="UAAB").order_by("pk")[0].pk

    def recall_id(self) -> int:
        return self.case.recall_considerations.order_by("pk")[0].pk

    def appointment_id(self, *, past: bool = False) -> int:
        """A future appointment to move or cancel, or one that has started, for its outcome."""
        now = timezone.now()
        found = self.case.appointments.filter(
            **({"starts_at__lt": now} if past else {"starts_at__gt": now})
        )
        return found.order_by("pk").first().pk  # type: ignore[union-attr]


def _set_password_url(world: World) -> str:
    """The one-time link's page; visiting it moves the token into the session."""
    user = world.users["practitioner"]
    link = reverse(
        "password_reset_confirm",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )
    response = world.client.get(link)
    return response.url if response.status_code == 302 else link  # type: ignore[attr-defined]


FORM_PAGES: dict[str, FormPage] = {
    "caseload.contacts.forms.ContactForm": FormPage(lambda w: w.case_url("new_contact")),
    "caseload.people.forms.CircumstanceForm": FormPage(lambda w: w.case_url("new_circumstance")),
    "caseload.people.personal_forms.AddressForm": FormPage(lambda w: w.case_url("new_address")),
    "caseload.people.personal_forms.EndAddressForm": FormPage(
        lambda w: w.case_url("end_address", w.case.addresses.get().pk)
    ),
    "caseload.people.personal_forms.PhoneAndEmailForm": FormPage(
        lambda w: w.case_url("change_phone_and_email")
    ),
    "caseload.people.personal_forms.PersonalContactForm": FormPage(
        lambda w: w.case_url("new_personal_contact")
    ),
    "caseload.people.personal_forms.EndPersonalContactForm": FormPage(
        lambda w: w.case_url("end_personal_contact", w.case.personal_contacts.get().pk)
    ),
    "caseload.people.personal_forms.DisabilityForm": FormPage(
        lambda w: w.case_url("new_disability")
    ),
    "caseload.people.personal_forms.EndDisabilityForm": FormPage(
        lambda w: w.case_url("end_disability", w.case.disabilities.get().pk)
    ),
    "caseload.people.personal_forms.LanguageForm": FormPage(
        lambda w: w.case_url("change_language_needs")
    ),
    "caseload.risk.forms.RegistrationForm": FormPage(lambda w: w.case_url("new_registration")),
    "caseload.risk.forms.EndRegistrationForm": FormPage(
        lambda w: w.case_url("end_registration", w.registration_id())
    ),
    "caseload.risk.forms.ReviewRegistrationForm": FormPage(
        lambda w: w.case_url("review_registration", w.registration_id())
    ),
    "caseload.risk.forms.AssessmentForm": FormPage(lambda w: w.case_url("new_assessment")),
    "caseload.diary.forms.ArrangeAppointmentForm": FormPage(
        lambda w: w.case_url("arrange_appointment")
    ),
    "caseload.diary.forms.RescheduleAppointmentForm": FormPage(
        lambda w: w.case_url("reschedule_appointment", w.appointment_id())
    ),
    "caseload.diary.forms.CancelAppointmentForm": FormPage(
        lambda w: w.case_url("cancel_appointment", w.appointment_id())
    ),
    "caseload.diary.forms.AppointmentOutcomeForm": FormPage(
        lambda w: w.case_url("record_appointment_outcome", w.appointment_id(past=True))
    ),
    "caseload.risk.forms.RoshSummaryForm": FormPage(lambda w: w.case_url("new_rosh_summary")),
    "caseload.risk.forms.ToolAssessmentForm": FormPage(lambda w: w.case_url("new_tool_assessment")),
    "caseload.essentials.forms.SnoozeEssentialForm": FormPage(
        lambda w: w.essential_url("snooze_essential")
    ),
    "caseload.essentials.forms.NotApplicableForm": FormPage(
        lambda w: w.essential_url("mark_essential_not_applicable")
    ),
    "caseload.essentials.forms.EndOverrideForm": FormPage(lambda w: w.override_url()),
    "caseload.enforcement.forms.FailureDecisionForm": FormPage(
        lambda w: w.case_url("record_enforcement_decision", w.failure_id())
    ),
    "caseload.enforcement.forms.BreachPackSentForm": FormPage(
        lambda w: w.case_url("record_breach_pack_sent", w.failure_id())
    ),
    "caseload.enforcement.forms.BreachOutcomeForm": FormPage(
        lambda w: w.case_url("record_breach_outcome", w.case.breaches.get().pk)
    ),
    "caseload.enforcement.forms.ConsiderRecallForm": FormPage(
        lambda w: w.case_url("consider_recall")
    ),
    "caseload.enforcement.forms.DecideRecallForm": FormPage(
        lambda w: w.case_url("decide_recall", w.recall_id()), user="manager"
    ),
    "caseload.enforcement.forms.CountersignRecallForm": FormPage(
        lambda w: w.case_url("countersign_recall", w.recall_id()), user="manager"
    ),
    "caseload.enforcement.forms.PartASentForm": FormPage(
        lambda w: w.case_url("record_part_a_sent", w.recall_id())
    ),
    "caseload.access.forms.LimitedAccessForm": FormPage(
        lambda w: w.case_url("limited_access"), user="manager"
    ),
    "caseload.access.forms.EndLimitedAccessForm": FormPage(
        lambda w: w.case_url("end_limited_access", w.case.limited_access.order_by("pk")[0].pk),
        user="manager",
    ),
    "caseload.safeguarding.forms.RequestEnquiryForm": FormPage(
        lambda w: w.case_url("request_enquiry")
    ),
    "caseload.safeguarding.forms.EnquiryResponseForm": FormPage(
        lambda w: w.case_url("record_enquiry_response", w.case.enquiries.get().pk)
    ),
    "caseload.reports.forms.RequestReportForm": FormPage(lambda w: w.case_url("request_report")),
    "caseload.reports.forms.CompleteReportForm": FormPage(
        lambda w: w.case_url("complete_report", w.case.reports.get().pk)
    ),
    "caseload.plans.forms.SentencePlanForm": FormPage(lambda w: w.case_url("record_sentence_plan")),
    "caseload.plans.forms.RiskManagementPlanForm": FormPage(
        lambda w: w.case_url("record_risk_management_plan")
    ),
    "caseload.plans.forms.ManagementOversightForm": FormPage(
        lambda w: w.case_url("record_management_oversight"), user="manager"
    ),
    "caseload.access.forms.ChangePasswordForm": FormPage(lambda w: reverse("password_change")),
    "caseload.access.forms.SignInForm": FormPage(lambda w: reverse("login"), user="nobody"),
    "caseload.access.forms.SetPasswordForm": FormPage(_set_password_url, user="nobody"),
    "caseload.workload.forms.NewVersionForm": FormPage(
        lambda w: reverse("workload_new_case-points"), user="reference data administrator"
    ),
    "caseload.workload.forms.WeekNoteForm": FormPage(lambda w: reverse("my_workload_note")),
    "caseload.workload.forms.ReductionForm": FormPage(
        lambda w: reverse("new_reduction"), user="manager"
    ),
    "caseload.workload.evidence_forms.EstablishmentForm": FormPage(
        lambda w: reverse("workload_new_establishment"), user="reference data administrator"
    ),
    "caseload.workload.forms.NewAgreementForm": FormPage(
        lambda w: reverse("workload_new_agreement"), user="reference data administrator"
    ),
    "caseload.allocation.forms.AllocateForm": FormPage(
        lambda w: w.case_url("allocate_case"), user="manager"
    ),
    "caseload.allocation.forms.AbsenceForm": FormPage(
        lambda w: reverse("new_absence"), user="manager"
    ),
    "caseload.allocation.forms.ReallocateForm": FormPage(
        lambda w: reverse("reallocate_practitioner", args=["alice"]), user="manager"
    ),
    "caseload.access.admin.NewUserForm": FormPage(
        lambda w: reverse("admin:auth_user_add"), user="administrator", govuk=False
    ),
    "caseload.access.admin.UserChangeForm": FormPage(
        lambda w: reverse("admin:auth_user_change", args=[w.users["practitioner"].pk]),
        user="administrator",
        govuk=False,
    ),
}
# Forms read with GET: their list pages.
#: Forms sent by GET to filter a list: who uses them, and on which pages (a URL name, or a
#: case page's URL name with "case:" before it).
FILTER_PAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "caseload.people.forms.CaseFilterForm": ("practitioner", ("my_cases", "team_cases")),
    "caseload.access.forms.AuditSearchForm": ("manager", ("audit_search",)),
    "caseload.diary.forms.DiaryDayForm": ("practitioner", ("diary_day",)),
    "caseload.diary.forms.DiaryWeekForm": ("practitioner", ("diary_week",)),
    "caseload.search.forms.SearchForm": ("practitioner", ("search",)),
    "caseload.contacts.forms.ActivityFilterForm": ("practitioner", ("case:case_activity",)),
    "caseload.essentials.forms.EssentialFilterForm": ("manager", ("team_essential_cases",)),
    "caseload.returns.forms.ReturnFilterForm": ("manager", ("return_page/caseload-by-tier",)),
    "caseload.workload.evidence_forms.EvidenceFilterForm": (
        "manager",
        ("workload_evidence", "workload_evidence_csv"),
    ),
}
WRITTEN = (
    Absence,
    Allocation,
    Contact,
    EstablishmentPosts,
    FailureDecision,
    Breach,
    RecallConsideration,
    Circumstance,
    Registration,
    RegistrationReview,
    Assessment,
    RoshSummary,
    LimitedAccess,
    Appointment,
    AppointmentSeries,
    Reschedule,
    Address,
    PhoneAndEmail,
    PersonalContact,
    Disability,
    Adjustment,
    EssentialOverride,
    Enquiry,
    SentencePlan,
    RiskManagementPlan,
    ManagementOversight,
    Person,
    WeightingVersion,
    CasePointsRow,
    AgreementVersion,
    AgreedTiming,
)


def page_forms() -> dict[str, type[forms.BaseForm]]:
    """Every form class defined in the project's code (not core's bases, not tests)."""
    for app in apps.get_app_configs():
        if app.name.startswith("caseload.") and find_spec(f"{app.name}.forms") is not None:
            import_module(f"{app.name}.forms")
    # The URL configuration imports every view module, and so the forms the views use.
    import_module(django_settings.ROOT_URLCONF)

    found: dict[str, type[forms.BaseForm]] = {}
    pending = [forms.BaseForm]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        module = cls.__module__
        if (
            module.startswith("caseload.")
            and not module.startswith("caseload.core.")
            and not (".tests." in module or "browser_tests" in module)
        ):
            found[f"{module}.{cls.__qualname__}"] = cls
    return found


def test_every_form_has_a_page_here():
    found, listed = set(page_forms()), set(FORM_PAGES) | set(FILTER_PAGES)
    assert not found - listed, (
        f"add these forms' pages to FORM_PAGES or FILTER_PAGES: {found - listed}"
    )
    assert not listed - found, f"these forms no longer exist: {listed - found}"


# --- random data ------------------------------------------------------------------------

TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200)
CONTROL = st.text(alphabet=st.characters(max_codepoint=0x1F), min_size=1, max_size=5)
NUMBER = st.integers(min_value=-(10**30), max_value=10**30).map(str)
ODD = st.sampled_from(
    [
        "",
        " ",
        "0",
        "-1",
        "00",
        "0000",
        "99999",
        "1e309",
        "NaN",
        "Infinity",
        "٣",
        "²",
        "3.5",
        "2026-02-30",
        "29",
        "31",
        "13",
        "24:00",
        "23:60",
        "\x00",
        "<script>",
        "'; --",
    ]
)
ANYTHING = st.one_of(TEXT, CONTROL, NUMBER, ODD)


def _choice_values(field: forms.ChoiceField) -> list[str]:
    values: list[str] = []
    for value, label in field.choices:
        if isinstance(label, list | tuple):  # an optgroup
            values.extend(str(v) for v, _ in label)
        else:
            values.append(str(value))
    return values or [""]


def _recent_day(days_ago: int) -> dict[str, str]:
    day = timezone.localdate() - timedelta(days=days_ago)
    return {"day": str(day.day), "month": str(day.month), "year": str(day.year)}


def plausible_field(name: str, field: forms.Field) -> st.SearchStrategy[dict[str, object]]:
    """What a practitioner might enter: a listed choice, a recent date, a time, a short note."""
    if isinstance(field, GovUKDateField):
        return st.integers(0, 400).map(
            lambda days: {f"{name}_{part}": v for part, v in _recent_day(days).items()}
        )
    if isinstance(field, GovUKTimeField):
        value: st.SearchStrategy[object] = st.times().map(lambda t: t.strftime("%H:%M"))
    elif isinstance(field, forms.MultipleChoiceField):
        value = st.lists(st.sampled_from(_choice_values(field)), max_size=3, unique=True)
    elif isinstance(field, forms.ChoiceField):
        value = st.sampled_from(_choice_values(field))
    elif isinstance(field, forms.BooleanField):
        return st.sampled_from([{}, {name: "on"}])
    else:
        value = st.text(alphabet=st.characters(codec="ascii", min_codepoint=32), max_size=40)
    entered = value.map(lambda v: {name: v})
    return entered if field.required else st.one_of(st.just({}), entered)


def random_field(name: str, field: forms.Field) -> st.SearchStrategy[dict[str, object]]:
    """Anything at all, or nothing: the field may be missing (`{}`)."""
    if isinstance(field, GovUKDateField):
        parts = {
            "day": st.one_of(st.integers(0, 32).map(str), ANYTHING),
            "month": st.one_of(st.integers(0, 13).map(str), st.just("March"), ANYTHING),
            "year": st.one_of(st.integers(1, 99999).map(str), ANYTHING),
        }
        return st.fixed_dictionaries({}, optional=parts).map(
            lambda p: {f"{name}_{part}": v for part, v in p.items()}
        )
    value = (
        st.lists(ANYTHING, max_size=3) if isinstance(field, forms.MultipleChoiceField) else ANYTHING
    )
    return st.one_of(st.just({}), plausible_field(name, field), value.map(lambda v: {name: v}))


def form_fields(form_class: type[forms.BaseForm], user: Any) -> dict[str, forms.Field]:
    """A form's fields once built (some add fields in `__init__`; password forms need a user)."""
    try:
        return form_class().fields
    except TypeError:
        return form_class(user).fields  # type: ignore[call-arg]


def form_data(fields: dict[str, forms.Field]) -> st.SearchStrategy[dict[str, object]]:
    """Often what a practitioner would enter, often garbage, with a few unknown fields."""
    extra = st.dictionaries(st.text(min_size=1, max_size=20), ANYTHING, max_size=3)

    def merge(parts: tuple[dict[str, object], ...]) -> dict[str, object]:
        merged: dict[str, object] = {}
        for part in parts:
            merged.update(part)
        return merged

    plausible = st.tuples(*(plausible_field(n, f) for n, f in fields.items()))
    anything = st.tuples(*(random_field(n, f) for n, f in fields.items()))
    return st.tuples(extra, st.one_of(plausible, anything)).map(
        lambda both: merge((both[0], *both[1]))
    )


def written() -> dict[str, object]:
    """Rows and history rows of everything the forms write, and every user's sign-in details."""
    state: dict[str, object] = {
        model.__name__: (model.objects.count(), getattr(model, "history", model.objects).count())
        for model in WRITTEN
    }
    users = get_user_model().objects.order_by("pk")
    state["users"] = list(users.values_list("username", "password", "is_active", "is_staff"))
    return state


FUZZ_SETTINGS = settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def world(client, practitioner, manager, case):  # type: ignore[no-untyped-def]
    register_flag(
        case.crn, acting_user=practitioner.user, register="RMRH", registered_on=timezone.localdate()
    )
    colleague = StaffFactory(team=practitioner.team, user__username="ben")
    add_to_limited_access(
        case.crn, acting_user=manager.user, kind="exclusion", username="ben", reason="His brother"
    )
    AppointmentFactory(person=case, with_staff=practitioner)
    AppointmentFactory(
        person=case, with_staff=practitioner, starts_at=timezone.now() - timedelta(hours=1)
    )
    long_ago = timezone.localdate() - timedelta(days=400)
    Address.objects.create(
        person=case, kind="MAIN", line_1="1 Street", town="Leeds", postcode="LS1 1AA",
        start_date=long_ago,
    )  # fmt: skip
    PersonalContact.objects.create(
        person=case, kind="GP", name="Dr Shah", relationship="GP", start_date=long_ago
    )
    Disability.objects.create(person=case, kind="HEARING", start_date=long_ago)
    Enquiry.objects.create(person=case, kind="POLICE_DA", reason="START", requested_on=long_ago)
    ReportFactory(person=case, requested_on=long_ago)
    enforcement_records(case)
    administrator = UserFactory(username="ada", is_staff=True, is_superuser=True)
    client.raise_request_exception = False
    users = {
        "practitioner": practitioner.user,
        "manager": manager.user,
        "colleague": colleague.user,
        "administrator": administrator,
        "reference data administrator": StaffFactory(
            role=Role.ADMIN, grade=Grade.OTHER, user__username="dora"
        ).user,
    }
    return World(client, case, users)


def sign_in(world: World, who: str) -> None:
    world.client.logout()
    if who in world.users:
        world.client.force_login(world.users[who])


@pytest.mark.parametrize("name", sorted(FORM_PAGES))
@FUZZ_SETTINGS
@given(data=st.data())
def test_random_data_posted_to_a_form_never_gets_a_5xx_nor_half_saves(world, name, data):  # type: ignore[no-untyped-def]
    page = FORM_PAGES[name]
    sign_in(world, page.user)
    url = page.url(world)
    fields = form_fields(page_forms()[name], world.users["practitioner"])
    posted = data.draw(form_data(fields), label="posted")
    before = written()
    response = world.client.post(url, posted)
    assert response.status_code in (200, 302, 400, 409), response.content[:500]
    if response.status_code != 302:
        assert written() == before
    if response.status_code == 400 and page.govuk:
        assert b"govuk-error-summary" in response.content


@pytest.mark.parametrize("name", sorted(FILTER_PAGES))
@FUZZ_SETTINGS
@given(data=st.data())
def test_random_filters_on_a_list_never_get_a_5xx(world, name, data):  # type: ignore[no-untyped-def]
    who, url_names = FILTER_PAGES[name]
    sign_in(world, who)
    query = data.draw(form_data(form_fields(page_forms()[name], None)), label="query")
    query.update(
        data.draw(st.fixed_dictionaries({}, optional={"sort": ANYTHING, "page": ANYTHING}))
    )
    for url_name in url_names:
        on_case, _, name = url_name.rpartition(":")
        name, _, argument = name.partition("/")
        url = (
            world.case_url(name) if on_case else reverse(name, args=[argument] if argument else [])
        )
        response = world.client.get(url, query)
        assert response.status_code in (200, 400), response.content[:500]
        if response.status_code == 400:
            assert b"govuk-error-summary" in response.content
