"""The case record's panels: contributed by the parts, shown in order, never overlapping."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from caseload.people import record
from caseload.people.record import CasePanel, CaseViewer, case_panels, panel_rows, register_panel


def test_each_part_contributes_its_panels_in_page_order():
    assert [(p.key, p.template.partition("/")[0]) for p in case_panels()] == [
        ("limited_access", "access"),
        ("subject_access", "dataprotection"),
        ("case_audit", "access"),
        ("person", "people"),
        ("tier", "tiering"),
        ("predictors", "risk"),
        ("registrations", "risk"),
        ("events", "people"),
        ("criminal_history", "people"),
        ("equality", "people"),
        ("activity_log", "contacts"),
        ("addresses", "people"),
        ("phone_and_email", "people"),
        ("language", "people"),
        ("personal_contacts", "people"),
        ("disabilities", "people"),
    ]


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
