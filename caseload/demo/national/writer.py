"""Streams rows to a directory in the import format (`docs/import-format.md`), one JSON Lines
file per entity, and writes its `manifest.json` last (pure; no Django).

Each row is written as soon as it is made, so memory stays flat however many people there are.
Keys are written in the order they were put in each row and the separators are fixed, so the
same rows give byte-identical files.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import TracebackType
from typing import IO, Any

FORMAT = "caseload-import"
VERSION = 1
#: Every file of the format, in its load order.
FILES = (
    "regions",
    "delivery_units",
    "teams",
    "staff",
    "people",
    "events",
    "sentences",
    "requirements",
    "licence_conditions",
    "circumstances",
    "registrations",
    "assessments",
    "allocations",
    "contacts",
    "appointments",
    "limited_access",
)
#: Bytes buffered per file before a write: 244,000 people's contacts are gigabytes.
BUFFER = 1 << 20

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


class ImportDirectory:
    """`with ImportDirectory(out, description) as d: d.write("people", row)`; the manifest,
    with each file's count, is written when the block ends without an error."""

    def __init__(self, out: Path, description: str, *, manifest: bool = True) -> None:
        self.out = out
        self.description = description
        #: False for a part of a directory (`append_part`), which has none of its own.
        self.manifest = manifest
        self.counts = dict.fromkeys(FILES, 0)
        self._files: dict[str, IO[str]] = {}

    def __enter__(self) -> ImportDirectory:
        self.out.mkdir(parents=True, exist_ok=True)
        self._files = {
            name: (self.out / f"{name}.jsonl").open("w", encoding="utf-8", buffering=BUFFER)
            for name in FILES
        }
        return self

    def write(self, name: str, row: dict[str, Any]) -> None:
        self._files[name].write(_encode(row) + "\n")
        self.counts[name] += 1

    def append_part(self, part: Path, counts: dict[str, int]) -> None:
        """Adds the rows of a part (a directory written with `manifest=False`, with `counts` of
        rows in each file) to each file."""
        for name, f in self._files.items():
            with (part / f"{name}.jsonl").open(encoding="utf-8") as rows:
                shutil.copyfileobj(rows, f, BUFFER)
            self.counts[name] += counts[name]

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for f in self._files.values():
            f.close()
        if kind is None and self.manifest:
            manifest = {
                "format": FORMAT,
                "version": VERSION,
                "description": self.description,
                "files": {f"{name}.jsonl": self.counts[name] for name in FILES},
            }
            (self.out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
