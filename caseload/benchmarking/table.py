"""Render `docs/performance.md`'s tables from `benchmarks/results/*.json`, so that the page and
the results agree: `python -m caseload.benchmarking.table [--write docs/performance.md]` prints
one Markdown table per database, every measure against its target at 25,000, 100,000 and
244,000 people (each file in the column within 10% of its people), then each measure's growth;
`--write` puts them in the page between its `<!-- results:start -->` and `<!-- results:end -->`.

Reads only the JSON; needs no database or settings.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from caseload.benchmarking.domain import growth, render_table, size_column

SIZES = (25_000, 100_000, 244_000)
#: Measures whose growth with the people is worth a line (times and memory, not ratios).
GROWING_UNITS = ("s", "MB")


def tables(results: Path) -> str:
    rows: list[dict[str, object]] = []
    for path in sorted(results.glob("*.json")):
        rows += json.loads(path.read_text(encoding="utf-8"))
    parts: list[str] = []
    for database in sorted({str(row["database"]) for row in rows}):
        mine = [
            row
            for row in rows
            if row["database"] == database and size_column(_people(row), SIZES) is not None
        ]
        if not mine:
            continue
        parts += [f"### {database}", "", render_table(mine, SIZES), "", "Growth:", ""]
        names = dict.fromkeys(str(row["measure"]) for row in mine)
        for name in names:
            sized = [
                (_people(row), float(row["value"]))  # type: ignore[arg-type]
                for row in mine
                if row["measure"] == name and row["value"] is not None
            ]
            unit = next(str(row["unit"]) for row in mine if row["measure"] == name)
            if unit in GROWING_UNITS:
                parts.append(f"- {name}: {growth(sized)}")
        parts.append("")
    return "\n".join(parts) if parts else "No results at 25,000, 100,000 or 244,000 people yet."


def _people(row: dict[str, object]) -> int:
    people = row["people"]
    assert isinstance(people, int)
    return people


START, END = "<!-- results:start -->", "<!-- results:end -->"


def write_into(page: Path, rendered: str) -> None:
    text = page.read_text(encoding="utf-8")
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    page.write_text(f"{before}{START}\n{rendered}\n{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    rendered = tables(Path("benchmarks/results"))
    if sys.argv[1:2] == ["--write"]:
        write_into(Path(sys.argv[2]), rendered)
    else:
        print(rendered)
