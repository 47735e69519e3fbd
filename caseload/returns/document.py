"""The catalogue section of `docs/returns.md`, written from the registry so the two never
differ (`tests/test_document.py` fails until it is regenerated:
`python -m caseload.returns.document`)."""

from pathlib import Path

from caseload.returns.registry import Return, all_returns

BEGIN = "<!-- catalogue: generated from caseload/returns/catalogue/ -->"
END = "<!-- end of the catalogue -->"
DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "returns.md"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _section(declared: Return) -> list[str]:
    time = "a period ending on the 'as at' day" if declared.time == "period" else "as at a day"
    rows = "one row per case (only cases the user may see)" if declared.names_people else "counts"
    lines = [
        f"### {declared.title} (`{declared.name}`)",
        "",
        declared.description,
        "",
        f"- Time: {time}. Rows: {rows}.",
        "- Derived from: " + ", ".join(f"`{label}`" for label in declared.reads) + ".",
        "- Columns: " + ", ".join(f"{c.title} (`{c.name}`)" for c in declared.columns) + ".",
    ]
    if declared.measures:
        lines += ["", "| Measure | Definition | Source |", "|---|---|---|"]
        lines += [
            f"| {_cell(name)} | {_cell(definition)} | {_cell(source)} |"
            for name, definition, source in declared.measures
        ]
    return [*lines, ""]


def catalogue() -> str:
    lines = [BEGIN, ""]
    for declared in all_returns():
        lines += _section(declared)
    return "\n".join([*lines, END])


def with_catalogue(document: str) -> str:
    before, _, rest = document.partition(BEGIN)
    _, _, after = rest.partition(END)
    return before + catalogue() + after


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caseload.settings")
    django.setup()
    DOCUMENT.write_text(with_catalogue(DOCUMENT.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {DOCUMENT}")
