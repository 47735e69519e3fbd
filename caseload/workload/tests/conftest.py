import pytest

from caseload.testing.workload import a_week_that_does_not_fit


@pytest.fixture
def busy_week(practitioner):  # type: ignore[no-untyped-def]
    return a_week_that_does_not_fit(practitioner)
