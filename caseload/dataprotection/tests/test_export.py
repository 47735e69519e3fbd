"""The subject-access export: everything held, its history, and third-party data marked."""

import json

import pytest
from django.http import Http404

from caseload.access.models import AuditEvent, LimitedAccess, LimitedAccessKind
from caseload.core.errors import AccessDenied
from caseload.dataprotection import domain
from caseload.dataprotection.export import build_export, subject_access_export
from caseload.dataprotection.records import held_models
from caseload.testing.factories import StaffFactory


def _section(export, model):  # type: ignore[no-untyped-def]
    return next(s for s in export.sections if s.model == model)


def _values(row):  # type: ignore[no-untyped-def]
    return {v.column.name: v for v in row.values}


def test_a_full_case_has_records_in_every_section_and_history_wherever_it_is_kept(full_case):
    """A table added later shows up here: give the full case a row of it (conftest.py)."""
    export = build_export(full_case)
    assert [s.model for s in export.sections] == [h.label for h in held_models()]
    assert [s.model for s in export.sections if not s.records] == []
    kept = {h.label for h in held_models() if h.history is not None}
    assert [s.model for s in export.sections if s.model in kept and not s.history] == []


def test_every_short_text_field_has_been_classified():
    """A new text field must be declared plain or descriptive in domain.py; until it is, the
    export marks it "unclassified" and this test names it."""
    unclassified = []
    for held in held_models():
        for model in (held.model, held.history):
            for f in model._meta.concrete_fields if model else ():
                is_text = f.get_internal_type() == "CharField" and not f.choices
                if is_text and not domain.is_classified(held.label, f.name):
                    unclassified.append(f"{held.label}.{f.name}")
    assert unclassified == []


def test_staff_names_and_notes_are_marked_for_review(full_case, practitioner):
    export = build_export(full_case)
    contacts = _section(export, "contacts.contact")
    plain, sensitive = sorted(contacts.records, key=lambda r: _values(r)["sensitive"].value)
    assert _values(plain)["notes"].review == domain.FREE_TEXT
    assert _values(sensitive)["notes"].review == domain.SENSITIVE_TEXT
    recorded_by = _values(plain)["recorded_by"]
    assert recorded_by.value == practitioner.user.get_full_name()
    assert recorded_by.review == domain.STAFF_NAME
    assert all(_values(h)["history_user"].review == domain.STAFF_NAME for h in contacts.history)


def test_a_licence_condition_naming_someone_and_a_limited_access_reason_are_marked(full_case):
    export = build_export(full_case)
    condition = _section(export, "people.licencecondition").records[0]
    assert _values(condition)["description"].review == domain.FREE_TEXT
    limited = _section(export, "access.limitedaccess")
    assert limited.note
    row = _values(limited.records[0])
    assert row["reason"].review == domain.FREE_TEXT
    assert row["user"].review == domain.STAFF_NAME


def test_the_persons_own_details_and_codes_are_not_marked(full_case):
    export = build_export(full_case)
    person = _values(_section(export, "people.person").records[0])
    assert person["crn"].value == full_case.crn and person["crn"].review is None
    assert person["last_name"].review is None
    assert person["sex"].text == "Male (MALE)"
    scores = _section(export, "risk.predictorscore")
    assert all(v.review is None for row in scores.records for v in row.values)


def test_predictor_scores_and_tiers_carry_their_explanations(full_case):
    export = build_export(full_case)
    tier = _values(_section(export, "tiering.casetier").records[0])
    assert tier["reasons"].value
    score = next(
        _values(r)
        for r in _section(export, "risk.predictorscore").records
        if _values(r)["terms"].value
    )
    assert isinstance(score["terms"].value, list)


def test_the_json_marks_each_value_to_check_with_its_reason(full_case):
    document = json.loads(build_export(full_case).as_text())
    assert document["subject"]["crn"] == full_case.crn
    contacts = next(s for s in document["sections"] if s["model"] == "contacts.contact")
    notes = [record["notes"] for record in contacts["records"]]
    assert all(set(n) == {"value", "review"} for n in notes)
    assert "Talked about his sister Jane, who he is not to contact." in {n["value"] for n in notes}
    fields = {f["name"]: f for f in contacts["fields"]}
    assert fields["outcome"]["codes"]["ATTC"]
    assert document["marked_for_review"] > 0
    assert document["counts"]["contacts.contact"] == {"records": 2, "history": 2}


def test_an_export_is_audited_with_its_format_and_counts_only(full_case, head):
    export = subject_access_export(head.user, full_case.crn.lower(), format="json")
    audit = AuditEvent.objects.get(action="SUBJECT_ACCESS_EXPORT")
    assert (audit.user, audit.crn, audit.outcome) == (head.user, full_case.crn, "SUCCESS")
    assert audit.detail["format"] == "json"
    assert audit.detail["counts"] == export.counts()
    assert audit.detail["marked_for_review"] == export.marked
    assert "Jane" not in json.dumps(audit.detail)


def test_it_refuses_a_user_who_does_not_answer_subject_access_requests(full_case, practitioner):
    with pytest.raises(AccessDenied):
        subject_access_export(practitioner.user, full_case.crn, format="json")
    audit = AuditEvent.objects.get(action="SUBJECT_ACCESS_EXPORT")
    assert (audit.outcome, audit.crn) == ("FAIL", full_case.crn)


def test_it_refuses_a_head_of_another_delivery_unit(full_case):
    elsewhere = StaffFactory(role="head", grade="OTHER")
    with pytest.raises(Http404):
        subject_access_export(elsewhere.user, full_case.crn, format="json")
    assert AuditEvent.objects.get(action="SUBJECT_ACCESS_EXPORT").outcome == "FAIL"


def test_it_refuses_a_head_excluded_from_the_case(full_case, head):
    LimitedAccess.objects.create(
        person=full_case,
        kind=LimitedAccessKind.EXCLUSION,
        user=head.user,
        start_date=full_case.created_at.date(),
    )
    with pytest.raises(Http404):
        subject_access_export(head.user, full_case.crn, format="html")
