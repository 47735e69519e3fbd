"""Every API operation, fed requests generated from its OpenAPI document by schemathesis.

Valid and invalid requests alike (huge numbers, odd strings, missing and wrong fields) must get
a status the operation declares, with a body in its declared shape, and never a 5xx. A few
deterministic examples per operation here; `caseload bench fuzz` runs hundreds. Every operation is
also tried without valid credentials (401) and by a caller who may see no case, so that those
answers too are checked against the document.
"""

import pytest
from hypothesis import HealthCheck, settings
from schemathesis.core import NOT_SET

from caseload.testing.api_fuzz import (
    CHECKS,
    FUZZ_CRN,
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


def plain_request(operation):  # type: ignore[no-untyped-def]
    """One request to `operation` with an empty JSON object for a body (auth runs first)."""
    names = [p.name for p in operation.path_parameters]
    body = {} if operation.body else NOT_SET
    return operation.Case(
        path_parameters=dict.fromkeys(names, FUZZ_CRN), body=body, media_type="application/json"
    )


OPERATIONS = [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_without_valid_credentials_every_operation_answers_its_declared_401(db, operation):  # type: ignore[no-untyped-def]
    with in_process_requests():
        response = plain_request(operation).call_and_validate(
            headers={"Authorization": "Bearer cl_not_a_token"}, checks=CHECKS
        )
    assert response.status_code == 401


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_a_caller_without_case_access_gets_declared_answers(rep, case, operation):  # type: ignore[no-untyped-def]
    with in_process_requests():
        response = plain_request(operation).call_and_validate(
            headers=bearer_headers(rep), checks=CHECKS
        )
    assert response.status_code in (200, 403, 404, 422)
