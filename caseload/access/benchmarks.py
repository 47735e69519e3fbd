"""`caseload bench fuzz [--n N]`: N generated requests (default 200) to every API operation.

Safe to run anywhere: it builds a temporary database (in memory on SQLite; a new, uniquely named
database on PostgreSQL, dropped afterwards), never the configured one, creates a practitioner
holding one realistic case, and sends the requests straight into the WSGI application, so
nothing leaves the process. Half the requests are valid by the OpenAPI document, half are not.
It prints, per operation, the requests sent, the statuses received and the failures found (a 5xx,
an undeclared status or content type, a body not matching the document), and exits non-zero if
there were any.

Needs the development requirements (schemathesis, factory_boy): it is a testing tool.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.core.management.base import CommandError
from django.db import connection

from caseload.core.bench import Writer, benchmark


@dataclass
class Tally:
    operation: str
    sent: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)


@contextmanager
def quiet_client_errors() -> Iterator[None]:
    """Django logs every 4xx as a warning; only server errors are worth a line here."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


@contextmanager
def temporary_database() -> Iterator[None]:
    """A migrated, empty database for the run, as the test runner makes one; dropped after."""
    old_name = connection.settings_dict["NAME"]
    if connection.vendor == "postgresql":
        connection.settings_dict.setdefault("TEST", {})["NAME"] = f"caseload_fuzz_{os.getpid()}"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def fuzz_operations(schema: Any, n: int, headers: dict[str, str]) -> list[Tally]:
    """Send `n` generated requests to each operation of `schema`; tally what came back."""
    from schemathesis import GenerationMode

    tallies = []
    for result in schema.get_all_operations():
        operation = result.ok()
        tally = Tally(f"{operation.method.upper()} {operation.path}")
        _send_generated(operation, GenerationMode.POSITIVE, n - n // 2, headers, tally)
        _send_generated(operation, GenerationMode.NEGATIVE, n // 2, headers, tally)
        tallies.append(tally)
    return tallies


def _send_generated(
    operation: Any, mode: Any, count: int, headers: dict[str, str], tally: Tally
) -> None:
    from hypothesis import HealthCheck, Phase, given, settings
    from schemathesis.core.failures import Failure, FailureGroup

    from caseload.testing.api_fuzz import CHECKS

    if not count:
        return

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def send(case: Any) -> None:
        response = case.call(headers=headers)
        tally.sent += 1
        tally.statuses[response.status_code] += 1
        try:
            case.validate_response(response, checks=CHECKS)
        except FailureGroup as group:
            tally.failures.update(failure.title for failure in group.exceptions)
        except Failure as failure:
            tally.failures[failure.title] += 1

    send()


def report(tallies: list[Tally], write: Writer) -> int:
    """One line per operation; returns the number of failures."""
    width = max(len(t.operation) for t in tallies)
    for tally in tallies:
        statuses = ", ".join(f"{code}: {count}" for code, count in sorted(tally.statuses.items()))
        failed = sum(tally.failures.values())
        counts = f"{tally.sent:>5} requests  {failed:>3} failures"
        write(f"  {tally.operation:<{width}}  {counts}  ({statuses})")
        for title, count in tally.failures.most_common():
            write(f"      {count} x {title}")
    return sum(sum(t.failures.values()) for t in tallies)


@benchmark(
    "fuzz",
    "sends N generated requests (default 200) to every API operation, in process, against a "
    "temporary database, and reports statuses and failures",
    default_n=200,
)
def bench_fuzz(n: int, write: Writer) -> None:
    from caseload.testing.api_fuzz import (
        bearer_headers,
        in_process_requests,
        load_schema,
        realistic_case,
    )
    from caseload.testing.factories import StaffFactory

    write(f"fuzz: {n} generated requests per API operation (half valid, half not), in process")
    with temporary_database(), in_process_requests(), quiet_client_errors():
        practitioner = StaffFactory(user__username="fuzz-practitioner")
        realistic_case(practitioner)
        tallies = fuzz_operations(load_schema(), n, bearer_headers(practitioner))
    failures = report(tallies, write)
    total = sum(t.sent for t in tallies)
    write(f"  {total} requests, {failures} failures")
    if failures:
        raise CommandError(f"{failures} generated requests broke the API", returncode=1)
