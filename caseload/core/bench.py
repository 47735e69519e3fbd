"""The registry behind `caseload bench SUBJECT`: each part declares its benchmarks in its own
`benchmarks.py` with `@benchmark(name, help)`; the command finds them when it runs.

A benchmark takes N and a writer and prints figures; nothing asserts a timing.

`caseload bench` with no subject runs the whole suite against the targets, registered once with
`@suite` (by `caseload.benchmarking`, which knows every part; the floor knows none).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

Writer = Callable[[str], None]
Benchmark = Callable[[int, Writer], None]


@dataclass(frozen=True)
class Subject:
    name: str
    help: str
    run: Benchmark
    default_n: int = 100_000


SUBJECTS: dict[str, Subject] = {}


def benchmark(
    name: str, help: str, *, default_n: int = 100_000
) -> Callable[[Benchmark], Benchmark]:
    """Register `run` as `caseload bench NAME`; `--n` defaults to `default_n`."""

    def register(run: Benchmark) -> Benchmark:
        SUBJECTS[name] = Subject(name, help, run, default_n)
        return run

    return register


Suite = Callable[[Mapping[str, Any], Writer], None]
SUITES: dict[str, Suite] = {}


def suite(run: Suite) -> Suite:
    """Register `run(options, write)` as `caseload bench` without a subject."""
    SUITES["all"] = run
    return run
