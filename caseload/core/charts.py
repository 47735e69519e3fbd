"""A horizontal bar chart's geometry, pure: the page draws it as SVG beside its data table.

Bars are laid out one under another with the label above each bar, wrapped to lines short
enough for a 320 px screen (SVG text does not wrap by itself), so the chart reads on a phone as
well as at full width. Widths are percentages of the longest bar (or of `line_at`, drawn as a
marked line such as 100% of capacity, when that is further), so the SVG scales with the page.
"""

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

LINE_HEIGHT = 20
BAR_HEIGHT = 18
GAP = 12
#: Characters of a label on one line: about what 16px text fits across a 320 px screen.
LABEL_WIDTH = 30


@dataclass(frozen=True)
class Label:
    text: str
    y: int


@dataclass(frozen=True)
class Bar:
    label: tuple[Label, ...]
    value: float
    shown: str
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

    def percent(value: float) -> float:
        return round(min(max(value, 0.0) / longest, 1.0) * 92.0, 2) if longest > 0 else 0.0

    bars = []
    y = 0
    for label, value, shown in values:
        lines = textwrap.wrap(label, LABEL_WIDTH) or [""]
        labels = tuple(Label(text, y + (i + 1) * LINE_HEIGHT - 6) for i, text in enumerate(lines))
        y += len(lines) * LINE_HEIGHT
        bars.append(
            Bar(
                label=labels,
                value=value,
                shown=shown,
                y_bar=y,
                width_percent=percent(value),
            )
        )
        y += BAR_HEIGHT + GAP
    return BarChart(
        title=title,
        bars=tuple(bars),
        height=max(y, LINE_HEIGHT) + 8,
        line_percent=percent(line_at) if line_at is not None else None,
        line_label=line_label,
    )
