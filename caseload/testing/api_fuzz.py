"""Requests generated from the OpenAPI document, sent to the application in process.

Shared by the test suite (`caseload/access/tests/test_api_fuzz.py`: a few examples of every
operation) and `caseload bench fuzz` (hundreds). The schema is the document the application
serves; requests go straight into the WSGI application, never through a socket. The caller is a
practitioner holding one realistic case, `FUZZ_CRN`, which generated CRNs (and record ids) are
often replaced by, so that case operations reach the case itself, not only 404s.

Every response must pass `CHECKS`: no 5xx, a status the operation declares, its declared content
type, and a body matching the declared schema.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from caseload.access.tokens import create_token
from caseload.contacts.actions import record_contact
from caseload.organisation.models import Staff
from caseload.people.models import Address, Disability, PersonalContact
from caseload.people.personal_actions import (
    add_personal_contact,
    record_address,
    record_disability,
)
from caseload.risk.actions import register_flag
from caseload.risk.models import Registration
from caseload.testing.factories import case_held_by

OPENAPI_PATH = "/api/v1/openapi.json"
FUZZ_CRN = "X900001"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _the_cases_records() -> dict[str, list[Any]]:
    """Path parameters naming the case's own records, and their values."""
    return {
        "crn": [FUZZ_CRN],
        "registration_id": list(
            Registration.objects.filter(person__crn=FUZZ_CRN).values_list("pk", flat=True)
        ),
        "address_id": list(
            Address.objects.filter(person__crn=FUZZ_CRN).values_list("pk", flat=True)
        ),
        "contact_id": list(
            PersonalContact.objects.filter(person__crn=FUZZ_CRN).values_list("pk", flat=True)
        ),
        "disability_id": list(
            Disability.objects.filter(person__crn=FUZZ_CRN).values_list("pk", flat=True)
        ),
    }


def load_schema() -> Any:
    """The served OpenAPI document. Half the generated requests name the case (`FUZZ_CRN`) and
    its own records in their paths, so that they reach the case, not only 404s."""
    schema = schemathesis.openapi.from_wsgi(OPENAPI_PATH, WSGIHandler())

    @schema.hook("flatmap_path_parameters")
    def the_case_or_another(context: Any, path_parameters: Any) -> Any:
        if not isinstance(path_parameters, dict) or "crn" not in path_parameters:
            return st.just(path_parameters)
        known = {
            name: st.sampled_from(values)
            for name, values in _the_cases_records().items()
            if name in path_parameters and values
        }
        the_case = st.fixed_dictionaries(
            {**{k: st.just(v) for k, v in path_parameters.items()}, **known}
        )
        return st.one_of(the_case, st.just(path_parameters))

    return schema


@contextmanager
def in_process_requests() -> Iterator[None]:
    """Keep the database connection across requests, as Django's test client does.

    Django closes the connection at the start and end of each request; inside a test's
    transaction that would lose the test's data.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def realistic_case(practitioner: Staff) -> None:
    """`FUZZ_CRN`, held by `practitioner`: a community order with a RAR, a contact, a flag, an
    address, a personal contact and a disability."""
    case = case_held_by(practitioner, crn=FUZZ_CRN)
    record_contact(
        case.crn,
        acting_user=practitioner.user,
        contact_type="COAP",
        happened_at=timezone.now() - timedelta(days=2),
        outcome="ATTC",
        notes="Discussed the sentence plan.",
    )
    register_flag(
        case.crn, acting_user=practitioner.user, register="RMRH", registered_on=timezone.localdate()
    )
    since = timezone.localdate() - timedelta(days=300)
    record_address(
        case.crn,
        acting_user=practitioner.user,
        kind="MAIN",
        line_1="1 Example Street",
        town="Sheffield",
        postcode="S1 2AB",
        start_date=since,
    )
    add_personal_contact(
        case.crn, acting_user=practitioner.user, kind="GP", name="Dr Shah", relationship="GP"
    )
    record_disability(case.crn, acting_user=practitioner.user, kind="HEARING", start_date=since)


def bearer_headers(practitioner: Staff) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_token(practitioner.user, name='fuzz')}"}
