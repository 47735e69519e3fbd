"""Every audit action written anywhere in caseload has a plain-English name, in one place."""

import ast
from pathlib import Path

import pytest

from caseload.access.audit_actions import AUDIT_ACTIONS, action_choices, describe, outcome_label

PACKAGE = Path(__file__).resolve().parents[2]


def _module_strings(tree: ast.Module) -> dict[str, str]:
    """`NAME = "TEXT"` at a module's top level, for codes passed by name."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                    found[target.id] = node.value.value
    return found


def action_codes_in_the_source() -> set[str]:
    """The codes passed to `@case_action(NAME)` and `record_audit(user, NAME)`, read from
    each module's syntax tree: literals (conditional ones such as `"A" if x else "B"`
    included) and module-level constants."""
    codes: set[str] = set()
    for module in PACKAGE.rglob("*.py"):
        if {"tests", "browser_tests", "migrations"} & set(module.parts):
            continue
        tree = ast.parse(module.read_text(), filename=str(module))
        constants = _module_strings(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            position = {"case_action": 0, "record_audit": 1}.get(name)
            if position is None or len(node.args) <= position:
                continue
            for part in ast.walk(node.args[position]):
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    codes.add(part.value)
                elif isinstance(part, ast.Name) and part.id in constants:
                    codes.add(constants[part.id])
    return codes


def test_the_source_is_read_for_codes():
    assert {"RECORD_CONTACT", "VIEW_CASE", "CHANGE_CASE", "VIEW_CASE_FORM", "EXPORT_AUDIT"} <= (
        action_codes_in_the_source()
    )


def test_every_code_written_has_a_plain_english_name():
    assert action_codes_in_the_source() - AUDIT_ACTIONS.keys() == set()


@pytest.mark.parametrize(
    ("action", "outcome", "words"),
    [
        ("VIEW_CASE", "SUCCESS", "Viewed the case"),
        ("VIEW_CASE", "FAIL", "Tried to view the case (refused)"),
        ("RECORD_CONTACT", "SUCCESS", "Recorded a contact"),
        (
            "SIGN_IN_FAILED",
            "REFUSED",
            "Tried to sign in with a wrong username or password (refused)",
        ),
        ("SOMETHING_NEW", "FAIL", "SOMETHING_NEW (refused)"),
    ],
)
def test_each_action_reads_in_plain_english(action, outcome, words):
    assert describe(action, outcome) == words


def test_outcomes_read_in_plain_english():
    assert (outcome_label("SUCCESS"), outcome_label("FAIL")) == ("Succeeded", "Refused")


def test_the_filter_lists_every_action_by_its_name():
    choices = action_choices()
    assert {code for code, _ in choices} == set(AUDIT_ACTIONS)
    assert [label for _, label in choices] == sorted(label for _, label in choices)


def test_every_action_is_in_the_glossary():
    glossary = (PACKAGE.parent / "docs" / "glossary.md").read_text()
    assert [code for code in AUDIT_ACTIONS if f"`{code}`" not in glossary] == []
