"""Every API operation, fed requests generated from its OpenAPI document by schemathesis.

Valid and invalid requests alike (huge numbers, odd strings, missing and wrong fields) must get
a status the operation declares, with a body in its declared shape, and never a 5xx. A few
deterministic examples per operation here; `caseload bench fuzz` runs hundreds.
"""

import pytest
from hypothesis import HealthCheck, settings

from caseload.testing.api_fuzz import (
    CHECKS,
    bearer_headers,
    in_process_requests,
    load_schema,
    realistic_case,
)

schema = load_schema()


@pytest.fixture
def as_the_practitioner(practitioner):  # type: ignore[no-untyped-def]
    realistic_case(practitioner)
    headers = bearer_headers(practitioner)
    with in_process_requests():
        yield headers


@schema.parametrize()
@settings(
    max_examples=15,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_generated_request_gets_a_5xx_or_breaks_the_document(case, as_the_practitioner):  # type: ignore[no-untyped-def]
    case.call_and_validate(headers=as_the_practitioner, checks=CHECKS)
