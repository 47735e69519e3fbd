from caseload.returns.document import DOCUMENT, catalogue


def test_the_documents_catalogue_is_the_one_the_registry_gives():
    assert catalogue() in DOCUMENT.read_text(encoding="utf-8"), (
        "docs/returns.md is out of date: regenerate it with python -m caseload.returns.document"
    )
