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


#: A line chart's points run from here to `X_END` (percent of the width), leaving room for
#: each marker at the ends.
X_START = 3.0
X_END = 97.0
#: Room above the plot for the line's label and the latest value, and below it for the dates.
TOP = 28
BOTTOM = 28
#: The plot's headroom above the highest value or the marked line.
HEADROOM = 1.1


@dataclass(frozen=True)
class Point:
    label: str
    shown: str
    x_percent: float
    #: None: no value at this point (a gap in the line).
    y: int | None


@dataclass(frozen=True)
class Segment:
    x1: float
    y1: int
    x2: float
    y2: int


@dataclass(frozen=True)
class LineChart:
    title: str
    points: tuple[Point, ...]
    segments: tuple[Segment, ...]
    height: int
    baseline: int
    line_y: int | None
    line_label: str
    #: The latest point that has a value: labelled on the chart, as the table's last row.
    latest: Point | None


def line_chart(
    title: str,
    values: Sequence[tuple[str, float | None, str]],
    *,
    plot_height: int = 120,
    line_at: float | None = None,
    line_label: str = "",
) -> LineChart:
    """`values` are (label of the point, e.g. a date; value or None; value in words), in order.

    Across, positions are percentages of the width, so the SVG scales with the page while its
    text keeps its size (readable at 320 px); down, they are pixels. Only the first and last
    labels are drawn below the line (twelve dates do not fit across a phone): the table behind
    the chart has every one."""
    known = [v for _, v, _ in values if v is not None]
    top = max(known + [line_at or 0.0, 0.0]) * HEADROOM
    baseline = TOP + plot_height

    def y_of(value: float) -> int:
        return baseline - round(max(value, 0.0) / top * plot_height) if top > 0 else baseline

    count = len(values)

    def x_of(index: int) -> float:
        if count == 1:
            return 50.0
        return round(X_START + (X_END - X_START) * index / (count - 1), 2)

    points = tuple(
        Point(label, shown, x_of(i), None if value is None else y_of(value))
        for i, (label, value, shown) in enumerate(values)
    )
    segments = tuple(
        Segment(a.x_percent, a.y, b.x_percent, b.y)
        for a, b in zip(points, points[1:], strict=False)
        if a.y is not None and b.y is not None
    )
    with_value = [p for p in points if p.y is not None]
    return LineChart(
        title=title,
        points=points,
        segments=segments,
        height=baseline + BOTTOM,
        baseline=baseline,
        line_y=y_of(line_at) if line_at is not None else None,
        line_label=line_label,
        latest=with_value[-1] if with_value else None,
    )
