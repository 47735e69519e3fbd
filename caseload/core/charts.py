"""A horizontal bar chart's geometry, pure: the page draws it as SVG beside its data table.

Bars are laid out one under another with the label above each bar, so the chart reads at 320 px
as well as at full width. Widths are percentages of the longest bar (or of `line_at`, drawn as a
marked line such as 100% of capacity, when that is further), so the SVG scales with the page.
"""

from collections.abc import Sequence
from dataclasses import dataclass

ROW_HEIGHT = 44
BAR_HEIGHT = 18
LABEL_GAP = 16


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str
    y_label: int
    y_bar: int
    width_percent: float


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: tuple[Bar, ...]
    height: int
    line_percent: float | None
    line_label: str


def bar_chart(
    title: str,
    values: Sequence[tuple[str, float, str]],
    *,
    line_at: float | None = None,
    line_label: str = "",
) -> BarChart:
    """`values` are (label, value, value in words); negative values draw as empty bars."""
    longest = max([v for _, v, _ in values] + [line_at or 0.0, 0.0])
    scale = 92.0 / longest if longest > 0 else 0.0
    bars = tuple(
        Bar(
            label=label,
            value=value,
            shown=shown,
            y_label=index * ROW_HEIGHT + 14,
            y_bar=index * ROW_HEIGHT + LABEL_GAP + 4,
            width_percent=round(max(value, 0.0) * scale, 2),
        )
        for index, (label, value, shown) in enumerate(values)
    )
    return BarChart(
        title=title,
        bars=bars,
        height=max(len(bars), 1) * ROW_HEIGHT + 8,
        line_percent=round(line_at * scale, 2) if line_at is not None else None,
        line_label=line_label,
    )
