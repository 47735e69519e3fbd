"""The measures' targets, verdicts and the performance table (pure)."""

from hypothesis import given
from hypothesis import strategies as st

from caseload.benchmarking.domain import (
    ACTIONS,
    NATIONAL_PEOPLE,
    ActionStats,
    LoadRun,
    Measure,
    expected_measures,
    growth,
    load_measures,
    met,
    recompute_target_seconds,
    render_table,
    size_column,
)

KEYS = {"measure", "value", "unit", "target", "met", "people", "database", "note", "run"}


def test_the_recompute_target_is_a_minute_for_the_nation():
    assert recompute_target_seconds(NATIONAL_PEOPLE) == 60


@given(st.integers(1, 10_000_000), st.integers(1, 10_000_000))
def test_the_recompute_target_is_in_proportion_to_the_people(a, b):
    assert abs(recompute_target_seconds(a) / recompute_target_seconds(b) - a / b) < 1e-9


def test_a_missing_figure_neither_meets_nor_misses_its_target():
    assert met(None, 1.5, "at most") is None
    assert met(2.0, None, "at most") is None
    assert met(1.5, 1.5, "at most") is True
    assert met(299.0, 300.0, "at least") is False


def test_every_measure_is_named_once():
    names = expected_measures(iter(["equality", "risk-register"]))
    assert len(names) == len(set(names))
    assert "return equality, nation: time ÷ hand-written SQL" in names
    assert "load, 50 users pausing 1 s: Today p95" in names


def _run(**actions: ActionStats) -> LoadRun:
    return LoadRun(seconds=10, actions=actions, server_cpu_seconds=2.0, worker_peak_mb=150.0)


def test_the_load_test_reports_throughput_cpu_per_request_and_each_actions_percentiles():
    figures = _run(
        Today=ActionStats(900, 0, {50: 40, 95: 120, 99: 180}),
        caseload=ActionStats(100, 2, {50: 60, 95: 200, 99: 300}),
    )
    measures = {
        m.measure: m for m in load_measures("pausing", figures, people=5, database="x", info={})
    }
    assert measures["load, 50 users pausing 1 s: throughput"].value == 100
    assert measures["load, 50 users pausing 1 s: CPU per request"].value == 2
    assert measures["load, 50 users pausing 1 s: errors"].value == 2
    assert measures["load, 50 users pausing 1 s: errors"].met is False
    assert measures["load, 50 users pausing 1 s: Today p95"].met is True
    assert measures["load, 50 users pausing 1 s: caseload p95"].met is False
    unasked = measures["load, 50 users pausing 1 s: case page p95"]
    assert (unasked.value, unasked.met, unasked.note) == (None, None, "not requested in this run")
    assert len(measures) == 5 + 3 * len(ACTIONS)


def test_once_everyone_has_signed_in_the_mix_is_measured_without_the_sign_ins():
    figures = LoadRun(
        seconds=10,
        actions={
            "sign in": ActionStats(100, 1, {50: 900, 95: 2000, 99: 2500}),
            "Today": ActionStats(500, 0, {50: 40, 95: 90, 99: 120}),
        },
        server_cpu_seconds=5.0,
        worker_peak_mb=150.0,
        after_sign_in=True,
        sign_in_peak_mb=480.0,
    )
    measures = {
        m.measure: m for m in load_measures("pausing", figures, people=5, database="x", info={})
    }
    assert measures["load, 50 users pausing 1 s: throughput"].value == 50
    assert measures["load, 50 users pausing 1 s: CPU per request"].value == 10
    assert measures["load, 50 users pausing 1 s: errors"].value == 1
    assert measures["load, 50 users pausing 1 s: sign in p95"].value == 2000
    assert measures["load, 50 users pausing 1 s: worker peak memory while signing in"].value == 480


def test_only_the_saturation_run_has_a_throughput_target_and_it_has_no_latency_targets():
    figures = _run(Today=ActionStats(10, 0, {50: 40, 95: 120, 99: 180}))
    pausing = load_measures("pausing", figures, people=5, database="x", info={})
    saturation = load_measures("saturation", figures, people=5, database="x", info={})
    assert pausing[0].target is None and saturation[0].target == 300
    assert all(m.target is None for m in saturation if m.unit == "ms" and "CPU" not in m.measure)


def test_a_measure_has_the_seven_keys_a_note_and_the_machine():
    measure = Measure("recompute rate", 5.0, "people/s", 4070.2, False, 50, "sqlite")
    assert set(measure.as_json()) == KEYS


def test_a_run_belongs_to_the_column_within_a_tenth_of_its_people():
    sizes = (25_000, 100_000, 244_000)
    assert size_column(25_003, sizes) == 25_000
    assert size_column(244_209, sizes) == 244_000
    assert size_column(50, sizes) is None


def _row(people: int, value: float | None, target: float = 60.0) -> dict[str, object]:
    verdict = met(value, target, "at most")
    return Measure("national recompute", value, "s", target, verdict, people, "sqlite").as_json()


def test_the_table_marks_each_size_against_its_target_and_what_is_not_yet_measured():
    table = render_table(
        [_row(25_000, 30.5, 6.14), _row(100_000, None, 24.57)], (25_000, 100_000, 244_000)
    )
    line = table.splitlines()[2]
    assert line.startswith("| national recompute |")
    assert "30.5 s ✗" in line
    assert line.count("not yet measured") == 2


def test_growth_says_whether_a_measure_grows_in_proportion_or_worse():
    assert growth([(25_000, 10.0), (100_000, 40.0)]) == "linear or better"
    assert growth([(25_000, 10.0), (100_000, 80.0)]).startswith("worse than linear")
    assert growth([(25_000, 10.0)]) == "not yet measured at two sizes"
