"""The registry behind `caseload bench SUBJECT`: each part declares its benchmarks in its own
`benchmarks.py` with `@benchmark(name, help)`; the command finds them when it runs.

A benchmark takes N and a writer and prints figures; nothing asserts a timing.
"""

from collections.abc import Callable
from dataclasses import dataclass

Writer = Callable[[str], None]
Benchmark = Callable[[int, Writer], None]


@dataclass(frozen=True)
class Subject:
    name: str
    help: str
    run: Benchmark


SUBJECTS: dict[str, Subject] = {}


def benchmark(name: str, help: str) -> Callable[[Benchmark], Benchmark]:
    def register(run: Benchmark) -> Benchmark:
        SUBJECTS[name] = Subject(name, help, run)
        return run

    return register
