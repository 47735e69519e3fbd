"""A head of the case's delivery unit (who answers subject-access requests), and a case with one
of everything held about a person (`caseload/testing/everything.py`)."""

import pytest

from caseload.testing.everything import case_with_everything, head_of_delivery_unit


@pytest.fixture
def head(team):  # type: ignore[no-untyped-def]
    return head_of_delivery_unit(team, username="hana", first_name="Hana", last_name="Head")


@pytest.fixture
def full_case(practitioner):  # type: ignore[no-untyped-def]
    return case_with_everything(practitioner)
