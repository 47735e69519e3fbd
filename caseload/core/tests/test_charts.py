"""The bar chart's geometry: bars never overlap their labels or each other, and the longest
bar (or the marked line) sets the scale."""

from hypothesis import given
from hypothesis import strategies as st

from caseload.core.charts import BAR_HEIGHT, LABEL_WIDTH, bar_chart, line_chart

VALUES = st.lists(
    st.tuples(st.text(max_size=80), st.floats(0, 10_000, allow_nan=False), st.just("")),
    max_size=12,
)


@given(VALUES, st.none() | st.floats(0, 20_000, allow_nan=False))
def test_bars_and_labels_stack_without_overlapping(values, line_at):
    chart = bar_chart("Chart", values, line_at=line_at)
    previous_bottom = 0
    for bar in chart.bars:
        assert all(previous_bottom < line.y < bar.y_bar for line in bar.label)
        assert all(len(line.text) <= LABEL_WIDTH for line in bar.label)
        assert 0 <= bar.width_percent <= 92
        previous_bottom = bar.y_bar + BAR_HEIGHT
    assert chart.height >= previous_bottom


def test_the_longest_bar_or_the_line_sets_the_scale():
    chart = bar_chart("Capacity", [("Asha", 50, "50%"), ("Ben", 125, "125%")], line_at=100)
    assert [b.width_percent for b in chart.bars] == [36.8, 92.0]
    assert chart.line_percent == 73.6
    wrapped = bar_chart("Q", [("Risk management plan (RoSH medium or above)", 1, "1")])
    assert [line.text for line in wrapped.bars[0].label] == [
        "Risk management plan (RoSH",
        "medium or above)",
    ]


POINTS = st.lists(
    st.tuples(st.text(max_size=12), st.none() | st.floats(0, 10_000, allow_nan=False), st.just("")),
    min_size=1,
    max_size=12,
)


@given(POINTS, st.none() | st.floats(0, 20_000, allow_nan=False), st.integers(40, 300))
def test_a_line_stays_inside_its_plot_and_runs_left_to_right(values, line_at, plot_height):
    chart = line_chart("Trend", values, plot_height=plot_height, line_at=line_at)
    xs = [p.x_percent for p in chart.points]
    assert xs == sorted(xs) and all(0 <= x <= 100 for x in xs)
    for point in chart.points:
        assert point.y is None or chart.baseline - plot_height <= point.y <= chart.baseline
    assert chart.line_y is None or chart.baseline - plot_height <= chart.line_y <= chart.baseline
    assert chart.height > chart.baseline


def test_a_week_without_a_value_is_a_gap_in_the_line_and_the_latest_value_is_named():
    chart = line_chart(
        "Team",
        [("7 Sep", 50, "50%"), ("14 Sep", None, "Not known"), ("21 Sep", 100, "100%")],
        line_at=100,
        line_label="100%",
    )
    assert [p.y is None for p in chart.points] == [False, True, False]
    assert chart.segments == ()
    assert chart.latest is not None and chart.latest.label == "21 Sep"
    assert chart.line_y == chart.points[2].y
    assert [p.x_percent for p in chart.points] == [3.0, 50.0, 97.0]
