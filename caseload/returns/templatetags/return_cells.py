"""`{% load return_cells %}`: a return's cell in words, as GOV.UK writes numbers and dates."""

from datetime import date
from decimal import Decimal
from typing import Any

from django import template

register = template.Library()


def shown(value: Any, kind: str) -> str:
    """1204 as "1,204", 83.3 as "83.3%", a date as "31 March 2026", nothing as "–"."""
    if value is None or value == "":
        return "–"
    if isinstance(value, str):
        return value
    if isinstance(value, date):
        return f"{value.day} {value:%B %Y}"
    if kind == "percent" and isinstance(value, int | float | Decimal):
        return f"{Decimal(str(value)).quantize(Decimal('0.1'))}%"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float | Decimal):
        return f"{Decimal(str(value)).quantize(Decimal('0.1')):,}"
    return str(value)


@register.filter
def cell(value: Any, column: Any) -> str:
    return shown(value, column.type)


@register.filter
def numeric(column: Any) -> bool:
    return bool(column.type in ("number", "percent"))


@register.filter
def count(number: int) -> str:
    return f"{number:,}"


@register.filter
def with_columns(row: Any, columns: Any) -> list[tuple[Any, Any]]:
    """The row's cells, each with its column, for the template to format."""
    return list(zip(columns, row, strict=True))
