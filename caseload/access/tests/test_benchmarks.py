"""`caseload bench fuzz`: generated requests to every operation, tallied per operation."""

from caseload.access.benchmarks import fuzz_operations, report
from caseload.testing.api_fuzz import (
    bearer_headers,
    in_process_requests,
    load_schema,
    realistic_case,
)


def test_it_sends_n_requests_to_every_operation_and_reports_each(practitioner):
    realistic_case(practitioner)
    with in_process_requests():
        schema = load_schema()
        tallies = fuzz_operations(schema, 4, bearer_headers(practitioner))
    lines: list[str] = []
    failures = report(tallies, lines.append)

    operations = {f"{op.ok().method.upper()} {op.ok().path}" for op in schema.get_all_operations()}
    assert {t.operation for t in tallies} == operations
    assert all(t.sent == sum(t.statuses.values()) and 1 <= t.sent <= 4 for t in tallies)
    assert failures == 0, lines
    assert len(lines) == len(operations)
    assert "GET /api/v1/cases " in lines[0] and "requests" in lines[0]
