"""The case record's panels: contributed by the parts, shown in order, never overlapping."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from caseload.people import record
from caseload.people.record import (
    SECTIONS,
    CaseAction,
    CasePanel,
    CaseViewer,
    case_actions,
    case_panels,
    panel_rows,
    register_case_action,
    register_panel,
)


def test_each_section_shows_the_panels_of_its_parts_in_page_order():
    def section(key: str) -> list[tuple[str, str]]:
        return [(p.key, p.template.partition("/")[0]) for p in case_panels(section=key)]

    assert section("overview") == [
        ("handover", "handover"),
        ("limited_access", "access"),
        ("sentence_at_a_glance", "people"),
        ("risk_at_a_glance", "risk"),
        ("essential_work", "essentials"),
        ("reviews_due", "risk"),
        ("appointments", "diary"),
        ("oversight", "plans"),
        ("subject_access", "dataprotection"),
        ("case_audit", "access"),
    ]
    assert section("personal") == [
        ("person", "people"),
        ("addresses", "people"),
        ("phone_and_email", "people"),
        ("language", "people"),
        ("personal_contacts", "people"),
        ("disabilities", "people"),
        ("equality", "people"),
    ]
    assert section("risk") == [
        ("rosh", "risk"),
        ("risk_management_plan", "plans"),
        ("registrations", "risk"),
        ("enquiries", "safeguarding"),
        ("tool_assessments", "risk"),
        ("tier", "tiering"),
        ("criminal_history", "people"),
        ("predictors", "risk"),
        ("predictor_history", "risk"),
    ]
    assert section("sentence") == [
        ("events", "people"),
        ("reports", "reports"),
        ("sentence_plan", "plans"),
    ]
    assert section("activity") == [("future_appointments", "diary"), ("activity_log", "contacts")]
    assert section("compliance") == [("enforcement", "enforcement"), ("compliance", "compliance")]


def test_every_panel_belongs_to_a_section_of_the_record():
    sections = {key for key, _, _ in SECTIONS}
    assert {p.section for p in case_panels()} <= sections


def test_each_task_is_offered_on_the_sections_where_it_belongs():
    def labels(key: str) -> list[str]:
        return [a.label for a in case_actions(key)]

    assert labels("overview")[:2] == ["Record a contact", "Arrange an appointment"]
    assert labels("activity")[:2] == ["Record a contact", "Arrange an appointment"]
    assert labels("risk") == [
        "Add a registration",
        "Record risk of serious harm by audience",
        "Record an assessment",
        "Record an ARMS or SARA",
        "Record a safeguarding enquiry",
        "Record a risk management plan",
    ]
    assert labels("sentence") == ["Record a sentence plan", "Record a report requested"]
    assert labels("personal") == ["Record a change of circumstances"]


def test_two_tasks_may_not_open_the_same_page(monkeypatch):
    monkeypatch.setattr(record, "_actions", {})
    register_case_action(CaseAction("Record a contact", "new_contact", ("overview",), 1))
    with pytest.raises(ImproperlyConfigured):
        register_case_action(CaseAction("Add a contact", "new_contact", ("activity",), 2))


def test_half_width_panels_sit_side_by_side():
    def panel(key: str, width: str) -> CasePanel:
        return CasePanel(key, 0, "", width=width)  # type: ignore[arg-type]

    a, b, c, d, e = (
        panel(k, w)
        for k, w in zip("abcde", ["one-half", "one-half", "full", "one-half", "full"], strict=True)
    )
    assert panel_rows([a, b, c, d, e]) == [[a, b], [c], [d], [e]]


def test_two_panels_may_not_share_a_name(monkeypatch):
    monkeypatch.setattr(record, "_panels", {})
    register_panel(CasePanel("tier", 1, "a.html"))
    with pytest.raises(ImproperlyConfigured):
        register_panel(CasePanel("tier", 2, "b.html"))


def test_two_panels_may_not_fill_in_the_same_context(monkeypatch, case):
    monkeypatch.setattr(record, "_panels", {})
    register_panel(CasePanel("one", 1, "a.html", lambda person, viewer: {"tier": 1}))
    register_panel(CasePanel("two", 2, "b.html", lambda person, viewer: {"tier": 2}))
    with pytest.raises(ImproperlyConfigured, match="tier"):
        record.case_record(case, CaseViewer(sees_sensitive=True, can_change=True))


def test_a_sensitive_panel_is_withheld_and_not_loaded_for_a_viewer_who_may_not_see_it(
    monkeypatch, case
):
    def must_not_load(person, viewer):
        raise AssertionError("a withheld panel's context was loaded")

    monkeypatch.setattr(record, "_panels", {})
    register_panel(CasePanel("equality", 1, "e.html", must_not_load, sensitive=True))
    viewer = CaseViewer(sees_sensitive=False, can_change=False)
    assert record.case_record(case, viewer)["withheld"] == ["equality"]
    assert [p.template for p in case_panels(viewer)] == [record.WITHHELD_TEMPLATE]
