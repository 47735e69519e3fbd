"""The rules table of `docs/essentials.md`, written from `RULES` so the two never differ
(`tests/test_document.py` fails until the document is regenerated:
`python -m caseload.essentials.domain.document`)."""

from __future__ import annotations

from caseload.essentials.domain.rules import CERTAINTY_WORDS, RULES

BEGIN = "<!-- rules table: generated from caseload/essentials/domain/rules.py -->"
END = "<!-- end of the rules table -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def rules_table() -> str:
    lines = [
        BEGIN,
        "",
        "| Kind | Essential | Applies to | Timescale and how it is counted | Source | Certainty |",
        "|---|---|---|---|---|---|",
    ]
    for rule in RULES.values():
        timescales = "; ".join(
            f"{name}: {timescale.words()}" for name, timescale in rule.timescales.items()
        )
        certainty = rule.certainty + (f": {rule.uncertain_note}" if rule.uncertain_note else "")
        lines.append(
            "| "
            + " | ".join(
                _cell(cell)
                for cell in (
                    f"`{rule.kind}`",
                    rule.title,
                    rule.applies_to,
                    timescales,
                    rule.source,
                    certainty,
                )
            )
            + " |"
        )
    lines += ["", "Certainty: " + "; ".join(f"**{k}** {v}" for k, v in CERTAINTY_WORDS.items())]
    lines += ["", END]
    return "\n".join(lines)


def with_table(document: str) -> str:
    """`document` with its rules table replaced by the one `RULES` gives."""
    before, _, rest = document.partition(BEGIN)
    _, _, after = rest.partition(END)
    return before + rules_table() + after


if __name__ == "__main__":
    from pathlib import Path

    path = Path(__file__).resolve().parents[3] / "docs" / "essentials.md"
    path.write_text(with_table(path.read_text(encoding="utf-8")), encoding="utf-8")
