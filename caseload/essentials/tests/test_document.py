"""`docs/essentials.md` lists every rule of `RULES` with its timescale, source and certainty."""

from pathlib import Path

from caseload.essentials.domain.document import rules_table
from caseload.essentials.domain.rules import RULES

DOCUMENT = Path(__file__).resolve().parents[3] / "docs" / "essentials.md"


def test_the_document_s_rules_table_is_the_one_the_rules_give():
    assert rules_table() in DOCUMENT.read_text(encoding="utf-8"), (
        "regenerate it: python -m caseload.essentials.domain.document"
    )


def test_every_kind_is_in_the_document():
    text = DOCUMENT.read_text(encoding="utf-8")
    assert all(f"`{kind}`" in text for kind in RULES)
