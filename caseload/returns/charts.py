"""A return's chart, drawn from its summary table (`Return.chart` names the two columns)."""

from decimal import Decimal

from caseload.core.charts import BarChart, bar_chart
from caseload.returns.registry import Return, Table
from caseload.returns.templatetags.return_cells import shown


def chart_of(declared: Return, summary: Table) -> BarChart | None:
    spec = declared.chart
    if spec is None:
        return None
    names = [c.name for c in summary.columns]
    label_at, value_at = names.index(spec.label), names.index(spec.value)
    value_column = summary.columns[value_at]
    bars = []
    for row in summary.rows:
        value = row[value_at]
        number = float(value) if isinstance(value, int | float | Decimal) else 0.0
        bars.append((str(row[label_at]), number, shown(value, value_column.type)))
    return bar_chart(spec.title, bars)
