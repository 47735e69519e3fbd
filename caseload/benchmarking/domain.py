"""The measures of `caseload bench` against the targets of issue 13, as plain values.

One `Measure` is one line of `benchmarks/results/<database>-<people>.json`. Its seven keys
(`measure`, `value`, `unit`, `target`, `met`, `people`, `database`) are fixed; `note` says how a
figure was taken or why there is none, and `run` describes the machine. A figure that could not
be taken has `value`, `met` (and perhaps `target`) null: never a made-up number.

Targets (issue 13, point 6) are for the whole nation on a 2-core machine. The recompute's is
scaled to the people measured: 60 s × people ÷ 244,209 (the national caseload,
`shared/reference/case_model.md` §11), so that a linear recompute meets it at every size; the
rate it implies, 244,209 ÷ 60 = 4,070 people a second, is the same at every size. Every other
target is the same whatever the size.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Literal

NATIONAL_PEOPLE = 244_209
NATIONAL_RECOMPUTE_SECONDS = 60.0
RETURN_RATIO_TARGET = 1.5
PEAK_MEMORY_TARGET_MB = 200.0
PAUSING_P95_TARGET_MS = 150.0
SATURATION_TARGET_PER_SECOND = 300.0
#: "About 6 ms of CPU per request" (issue 13): two cores at 300 requests a second.
CPU_PER_REQUEST_TARGET_MS = 6.0

#: The load test's actions, in the order they are reported, as named in the locustfile.
ACTIONS = (
    "sign in",
    "Today",
    "caseload",
    "case page",
    "contact form",
    "record a contact",
    "appointment form",
    "book an appointment",
    "essentials",
    "team caseload",
    "team essentials",
    "team workload",
)
#: The actions whose p95 has a target with 50 users pausing a second.
TARGETED_ACTIONS = ("Today", "caseload", "case page", "record a contact")
PERCENTILES = (50, 95, 99)
LOAD_RUNS = {"pausing": "50 users pausing 1 s", "saturation": "no pause (saturation)"}

Direction = Literal["at most", "at least"]


@dataclass(frozen=True)
class Measure:
    measure: str
    value: float | None
    unit: str
    target: float | None
    met: bool | None
    people: int
    database: str
    note: str = ""
    run: Mapping[str, object] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def met(value: float | None, target: float | None, direction: Direction) -> bool | None:
    """Whether `value` meets `target`; None when either is missing."""
    if value is None or target is None:
        return None
    return value <= target if direction == "at most" else value >= target


def recompute_target_seconds(people: int) -> float:
    """60 s for the nation, in proportion for fewer (or more) people."""
    return NATIONAL_RECOMPUTE_SECONDS * people / NATIONAL_PEOPLE


def recompute_target_rate() -> float:
    return NATIONAL_PEOPLE / NATIONAL_RECOMPUTE_SECONDS


def return_measure_name(name: str, where: str) -> str:
    return f"return {name}, {where}: time ÷ hand-written SQL"


def load_measure_name(run: str, what: str) -> str:
    return f"load, {LOAD_RUNS[run]}: {what}"


def expected_measures(returns: Iterable[str]) -> list[str]:
    """Every measure's name, in the order written, for these returns."""
    names = ["import rate", "national recompute", "recompute rate"]
    returned = sorted(returns)
    for where in ("one delivery unit", "nation"):
        names += [return_measure_name(name, where) for name in returned]
    names.append("national export peak memory")
    for run in LOAD_RUNS:
        names += [
            load_measure_name(run, "throughput"),
            load_measure_name(run, "errors"),
            load_measure_name(run, "CPU per request"),
            load_measure_name(run, "worker peak memory"),
            load_measure_name(run, "worker peak memory while signing in"),
        ]
        names += [
            load_measure_name(run, f"{action} p{p}") for action in ACTIONS for p in PERCENTILES
        ]
    return names


@dataclass(frozen=True)
class ActionStats:
    """One action's figures from locust (milliseconds)."""

    requests: int
    failures: int
    percentiles: Mapping[int, float]


@dataclass(frozen=True)
class LoadRun:
    """What one load test measured: locust's per-action figures and the server's CPU.

    `after_sign_in`: the mix was measured from the moment every user had signed in (the
    locustfile's barrier), so `seconds`, the CPU, the memory and every action but sign-in count
    the mix alone; otherwise (the run ended first) they cover the whole run, sign-in included.
    """

    seconds: float
    actions: Mapping[str, ActionStats]
    server_cpu_seconds: float
    worker_peak_mb: float | None
    after_sign_in: bool = False
    sign_in_peak_mb: float | None = None


def load_measures(
    run: str, figures: LoadRun, *, people: int, database: str, info: Mapping[str, object]
) -> list[Measure]:
    """The load test's measures. Throughput and CPU per request count the mix's requests once
    everyone has signed in (or every request, when the run ended first: see `LoadRun`); CPU per
    request is the server's CPU time (master and workers, user and system) over them. Errors
    count every failed request, sign-in included."""
    mix = [
        a for name, a in figures.actions.items() if name != "sign in" or not figures.after_sign_in
    ]
    requests = sum(a.requests for a in mix)
    failures = sum(a.failures for a in figures.actions.values())
    window = (
        "after every user had signed in"
        if figures.after_sign_in
        else "the whole run, sign-in included (it ended before every user had signed in)"
    )
    throughput = requests / figures.seconds if figures.seconds else None
    cpu_ms = 1000 * figures.server_cpu_seconds / requests if requests else None
    saturating = run == "saturation"
    through_target = SATURATION_TARGET_PER_SECOND if saturating else None

    def one(
        what: str,
        value: float | None,
        unit: str,
        target: float | None,
        direction: Direction,
        note: str = "",
    ) -> Measure:
        return Measure(
            load_measure_name(run, what),
            None if value is None else round(value, 2),
            unit,
            target,
            met(value, target, direction),
            people,
            database,
            note,
            info,
        )

    measures = [
        one(
            "throughput",
            throughput,
            "requests/s",
            through_target,
            "at least",
            f"{requests} requests in {figures.seconds:.1f} s, {window}",
        ),
        one("errors", failures, "requests", 0, "at most"),
        one("CPU per request", cpu_ms, "ms", CPU_PER_REQUEST_TARGET_MS, "at most", window),
        one(
            "worker peak memory",
            figures.worker_peak_mb,
            "MB",
            PEAK_MEMORY_TARGET_MB,
            "at most",
            f"the largest gunicorn worker's peak resident memory (VmHWM), {window}",
        ),
        one(
            "worker peak memory while signing in",
            figures.sign_in_peak_mb,
            "MB",
            None,
            "at most",
            "every user signing in at once: argon2 takes 100 MiB per sign-in in progress"
            if figures.sign_in_peak_mb is not None
            else "not measured: the run ended before every user had signed in",
        ),
    ]
    for action in ACTIONS:
        stats = figures.actions.get(action)
        for p in PERCENTILES:
            targeted = p == 95 and action in TARGETED_ACTIONS and not saturating
            value = stats.percentiles.get(p) if stats and stats.requests else None
            note = "" if value is not None else "not requested in this run"
            measures.append(
                one(
                    f"{action} p{p}",
                    value,
                    "ms",
                    PAUSING_P95_TARGET_MS if targeted else None,
                    "at most",
                    note,
                )
            )
    return measures


def growth(sizes: Sequence[tuple[int, float]]) -> str:
    """Whether a measure grows linearly or better with the people: compares each step's
    growth in the value with its growth in people (more than 10% worse: "worse than linear")."""
    known = sorted((people, value) for people, value in sizes if value > 0)
    if len(known) < 2:
        return "not yet measured at two sizes"
    worst = max(
        (later / earlier) / (n_later / n_earlier)
        for (n_earlier, earlier), (n_later, later) in zip(known, known[1:], strict=False)
    )
    return "linear or better" if worst <= 1.1 else f"worse than linear (×{worst:.2f} per step)"


def format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "not yet measured"
    if unit in ("requests", "people") or float(value).is_integer():
        return f"{value:,.0f} {unit}"
    return f"{value:,.2f} {unit}" if abs(value) < 10 else f"{value:,.1f} {unit}"


def render_table(results: Iterable[Mapping[str, object]], sizes: Sequence[int]) -> str:
    """A Markdown table of every measure (rows) at each size (columns), from the JSON results,
    with the target and whether each size met it; "not yet measured" where there is none."""
    by_measure: dict[str, dict[int, Mapping[str, object]]] = {}
    order: list[str] = []
    for row in results:
        name = str(row["measure"])
        if name not in by_measure:
            by_measure[name] = {}
            order.append(name)
        people = row["people"]
        assert isinstance(people, int)
        column = size_column(people, sizes)
        if column is not None:
            by_measure[name][column] = row
    header = ["Measure", "Target", *(f"{size:,} people" for size in sizes)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name in order:
        cells = by_measure[name]
        if not cells:
            continue
        any_row = next(iter(cells.values()))
        unit = str(any_row["unit"])
        target = any_row["target"]
        shown_target = format_value(float(target), unit) if isinstance(target, int | float) else "—"
        columns = []
        for size in sizes:
            found = cells.get(size)
            if found is None or found["value"] is None:
                columns.append("not yet measured")
                continue
            row, value = found, found["value"]
            assert isinstance(value, int | float)
            mark = {True: " ✓", False: " ✗", None: ""}[row["met"]]  # type: ignore[index]
            if isinstance(row["target"], int | float) and row["target"] != target:
                mark += f" (target {format_value(float(row['target']), unit)})"
            columns.append(format_value(float(value), unit) + mark)
        lines.append("| " + " | ".join([name, shown_target, *columns]) + " |")
    return "\n".join(lines)


def size_column(people: int, sizes: Sequence[int]) -> int | None:
    """The table's size within 10% of `people` (a national seed of 244,000 may hold 244,209),
    if any: a smaller run (a test's 50 people) belongs in no column."""
    nearest = min(sizes, key=lambda size: abs(size - people))
    return nearest if abs(nearest - people) <= nearest / 10 else None
