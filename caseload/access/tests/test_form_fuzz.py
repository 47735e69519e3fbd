"""Every form on a page, fed random data by hypothesis, as the case's practitioner.

Text with control characters, huge numbers, impossible and far-off dates, missing fields and
extra ones: the page answers 200, 302 or 400, never a 5xx, and a 400 writes nothing and shows the
GOV.UK error summary. Forms are discovered, not listed: a new form without a page in
`FORM_PAGES` fails `test_every_form_has_a_page_here`, naming it.
"""

from collections.abc import Callable
from datetime import timedelta
from importlib import import_module
from importlib.util import find_spec

import pytest
from django import forms
from django.apps import apps
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseload.contacts.models import Contact
from caseload.core.govuk_dates import GovUKDateField, GovUKTimeField
from caseload.people.models import Circumstance, Person
from caseload.risk.actions import register_flag
from caseload.risk.models import Assessment, Registration

# The pages each form is posted to, by form: its URL for a case.
FORM_PAGES: dict[str, Callable[[Person], str]] = {
    "caseload.contacts.forms.ContactForm": lambda case: reverse("new_contact", args=[case.crn]),
    "caseload.people.forms.CircumstanceForm": lambda case: reverse(
        "new_circumstance", args=[case.crn]
    ),
    "caseload.risk.forms.RegistrationForm": lambda case: reverse(
        "new_registration", args=[case.crn]
    ),
    "caseload.risk.forms.EndRegistrationForm": lambda case: reverse(
        "end_registration", args=[case.crn, case.registrations.order_by("pk").first().pk]
    ),
    "caseload.risk.forms.AssessmentForm": lambda case: reverse("new_assessment", args=[case.crn]),
}
# Forms read with GET: their list pages.
FILTER_PAGES: dict[str, tuple[str, ...]] = {
    "caseload.people.forms.CaseFilterForm": ("my_cases", "team_cases"),
}
WRITTEN = (Contact, Circumstance, Registration, Assessment)


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


def form_data(form_class: type[forms.BaseForm]) -> st.SearchStrategy[dict[str, object]]:
    """Often what a practitioner would enter, often garbage, with a few unknown fields."""
    fields = form_class().fields
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


def written() -> dict[str, int]:
    """Rows and history rows of every fact the forms write."""
    return {model.__name__: model.objects.count() + model.history.count() for model in WRITTEN}


FUZZ_SETTINGS = settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def signed_in(client, practitioner, case):  # type: ignore[no-untyped-def]
    register_flag(
        case.crn, acting_user=practitioner.user, register="RMRH", registered_on=timezone.localdate()
    )
    client.force_login(practitioner.user)
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("name", sorted(FORM_PAGES))
@FUZZ_SETTINGS
@given(data=st.data())
def test_random_data_posted_to_a_form_never_gets_a_5xx_nor_half_saves(  # type: ignore[no-untyped-def]
    signed_in, case, name, data
):
    form_class = page_forms()[name]
    url = FORM_PAGES[name](case)
    posted = data.draw(form_data(form_class), label="posted")
    before = written()
    response = signed_in.post(url, posted)
    assert response.status_code in (200, 302, 400), response.content[:500]
    if response.status_code == 400:
        assert written() == before
        assert b"govuk-error-summary" in response.content


@pytest.mark.parametrize("name", sorted(FILTER_PAGES))
@FUZZ_SETTINGS
@given(data=st.data())
def test_random_filters_on_a_case_list_never_get_a_5xx(signed_in, name, data):  # type: ignore[no-untyped-def]
    query = data.draw(form_data(page_forms()[name]), label="query")
    query.update(
        data.draw(st.fixed_dictionaries({}, optional={"sort": ANYTHING, "page": ANYTHING}))
    )
    for url_name in FILTER_PAGES[name]:
        response = signed_in.get(reverse(url_name), query)
        assert response.status_code == 200, response.content[:500]
