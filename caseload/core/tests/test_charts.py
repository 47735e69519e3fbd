"""The bar chart's geometry: bars never overlap their labels or each other, and the longest
bar (or the marked line) sets the scale."""

from hypothesis import given
from hypothesis import strategies as st

from caseload.core.charts import BAR_HEIGHT, LABEL_WIDTH, bar_chart

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
