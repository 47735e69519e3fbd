"""The layers hold: core imports no part, and the pure rules import no Django.

Read from the source with `ast`, so an import inside a function counts as much as one at the
top of the file; a module name in a string (`import_module("caseload.x")`) is not an import.
"""

import ast
import re
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
REPO = PACKAGE.parent
#: Every part of caseload: any module under `caseload` but the floor itself and the test
#: support (`caseload.testing`), which core's own tests may use.
PARTS = re.compile(r"^caseload\.(?!(core|testing)(\.|$))\w+")
DJANGO = re.compile(r"^django(\.|$)")
DOMAIN_GLOBS = (
    "*/domain.py",
    "*/domain/**/*.py",
    "risk/predictors/**/*.py",
    "derived/facts.py",
    "testing/facts.py",
    "risk/assessment.py",
    "risk/derive.py",
    "tiering/derive.py",
    "risk/explain.py",
    "tiering/explain.py",
    "essentials/wording.py",
    "demo/generator.py",
    "demo/supervision.py",
    "demo/choice.py",
    "demo/validate.py",
    "demo/actual_minutes.py",
    "demo/personal_details.py",
    "core/dates.py",
    "core/errors.py",
    "core/versions.py",
)


def imported_modules(source: str, package: str) -> Iterator[str]:
    """Every module some source imports, its relative imports resolved against `package`."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = parts[: len(parts) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def package_of(path: Path) -> str:
    module = ".".join(path.relative_to(REPO).with_suffix("").parts)
    return (
        module.removesuffix(".__init__")
        if path.name == "__init__.py"
        else module.rpartition(".")[0]
    )


def offences(paths: list[Path], forbidden: re.Pattern[str]) -> list[str]:
    return sorted(
        f"{path.relative_to(REPO)} imports {module}"
        for path in paths
        for module in set(imported_modules(path.read_text(), package_of(path)))
        if forbidden.match(module)
    )


def domain_modules() -> list[Path]:
    return sorted({path for pattern in DOMAIN_GLOBS for path in PACKAGE.glob(pattern)})


def test_core_imports_no_part() -> None:
    assert offences(sorted(PACKAGE.glob("core/**/*.py")), PARTS) == []


def test_the_pure_rules_import_no_django() -> None:
    assert len(domain_modules()) > 10
    assert offences(domain_modules(), DJANGO) == []


def test_imports_are_found_wherever_they_are_written() -> None:
    source = (
        "import caseload.people.models\n"
        "from caseload import risk\n"
        "def later():\n"
        "    from ..tiering import derive\n"
        "    from . import errors\n"
        "importlib.import_module('caseload.contacts')\n"
    )
    found = [m for m in imported_modules(source, "caseload.core") if PARTS.match(m)]
    assert found == [
        "caseload.people.models",
        "caseload.risk",
        "caseload.tiering",
        "caseload.tiering.derive",
    ]
