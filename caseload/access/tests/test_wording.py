"""Words on every page: no stray question marks in headings, labels or text (GOV.UK asks
questions only on question pages, and a form's labels here are statements), and no characters
broken by a wrong encoding."""

import re
from pathlib import Path

import pytest

from caseload.access.tests.test_form_fuzz import form_fields, page_forms

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted(p for p in ROOT.rglob("templates/**/*.html") if ".venv" not in p.parts)
#: What a UTF-8 character read as Latin-1 (or lost) looks like.
BROKEN = re.compile("[\ufffd]|Ã.|â€")
TAGS = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.DOTALL)
ATTRIBUTES = re.compile(r'(href|action|src|value|data-[\w-]+)="[^"]*"')
COMMENTS = re.compile(r"{% comment %}.*?{% endcomment %}", re.DOTALL)


def visible_text(template: Path) -> str:
    text = COMMENTS.sub("", template.read_text(encoding="utf-8"))
    return ATTRIBUTES.sub("", TAGS.sub("", text))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_template_has_no_stray_question_mark_nor_broken_character(template):
    text = visible_text(template)
    assert "?" not in text, f"{template}: a question mark"
    assert not BROKEN.search(text), f"{template}: a broken character"


def test_no_form_label_is_a_question_or_broken(db):
    for name, form_class in page_forms().items():
        for field_name, field in form_fields(form_class, None).items():
            label = str(field.label or "")
            assert "?" not in label and not BROKEN.search(label), f"{name}.{field_name}: {label}"
