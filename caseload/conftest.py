"""Personas shared by every test (after healthchecks' BaseTestCase): the case's practitioner,
their manager, a practitioner in another delivery unit, a staff representative, and the case."""

import zlib
from collections.abc import Iterator
from contextlib import ExitStack

import pytest
from django.conf import settings as django_settings
from django.test import TransactionTestCase

from caseload.organisation.constants import Grade, Role
from caseload.testing.audit_log import audit_log_purgeable
from caseload.testing.factories import StaffFactory, TeamFactory, case_held_by


@pytest.fixture(scope="session", autouse=True)
def flush_may_empty_the_audit_log() -> Iterator[None]:
    """Django empties the database after each `transaction=True` test with `flush`, which the
    audit table's append-only triggers refuse; let that flush, and only it, through."""
    teardown = TransactionTestCase._fixture_teardown

    def purging_teardown(self: TransactionTestCase) -> None:
        with ExitStack() as stack:
            for alias in self._databases_names(include_mirrors=False):
                stack.enter_context(audit_log_purgeable(alias))
            teardown(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(TransactionTestCase, "_fixture_teardown", purging_teardown)
        yield


PRODUCTION_PASSWORD_HASHERS = list(django_settings.PASSWORD_HASHERS)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):  # type: ignore[no-untyped-def]
    """Every test user has a password; a production-strength hash costs a large fraction of a
    second each. Django's own advice for test suites; tests of hashing itself ask for
    `production_password_hashing`."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True, scope="session")
def returns_read_the_primary():  # type: ignore[no-untyped-def]
    """A test's writes are uncommitted inside its transaction, where no standby could see them:
    with a replica configured (the PostgreSQL lane) reads meant for it go to the primary,
    except in `returns/tests/test_replica.py`, which commits and turns this back on. For the
    whole session, so that module-wide worlds (`access/tests/test_query_counts.py`) read the
    primary too."""
    from django.test import override_settings

    with override_settings(REPLICA_READS=False):
        yield


@pytest.fixture
def production_password_hashing(settings):  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = PRODUCTION_PASSWORD_HASHERS


@pytest.fixture
def team(db):  # type: ignore[no-untyped-def]
    return TeamFactory()


@pytest.fixture
def practitioner(team):  # type: ignore[no-untyped-def]
    return StaffFactory(team=team, user__username="alice", user__first_name="Alice")


@pytest.fixture
def manager(team):  # type: ignore[no-untyped-def]
    return StaffFactory(team=team, grade=Grade.SPO, role=Role.MANAGER, user__username="mona")


@pytest.fixture
def outsider(db):  # type: ignore[no-untyped-def]
    return StaffFactory(user__username="oscar")


@pytest.fixture
def rep(team):  # type: ignore[no-untyped-def]
    return StaffFactory(team=team, grade=Grade.OTHER, role=Role.STAFF_REP, user__username="rita")


@pytest.fixture
def analyst(team):  # type: ignore[no-untyped-def]
    return StaffFactory(team=team, grade=Grade.OTHER, role=Role.ANALYST, user__username="andy")


@pytest.fixture
def case(practitioner):  # type: ignore[no-untyped-def]
    return case_held_by(practitioner)


#: Fixtures that give a test the database (pytest-django blocks it for every other test).
DATABASE_FIXTURES = frozenset({"db", "transactional_db", "live_server", "django_db_setup"})


def uses_the_database(item: pytest.Item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    return item.get_closest_marker("django_db") is not None or bool(fixtures & DATABASE_FIXTURES)


#: One test in this many that never reaches the database runs in the SQLite lane.
SQLITE_LANE_SHARE_OF_PURE_TESTS = 3


def _in_the_sqlite_share(item: pytest.Item) -> bool:
    """A stable choice (the same test, the same lane, every run) from the test's id."""
    return zlib.crc32(item.nodeid.encode()) % SQLITE_LANE_SHARE_OF_PURE_TESTS == 0


def _kept(item: pytest.Item, selection: str) -> bool:
    if uses_the_database(item):
        return True
    return {
        "database": False,
        "sqlite-lane": _in_the_sqlite_share(item),
        "postgres-lane": not _in_the_sqlite_share(item),
    }[selection]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`CASELOAD_TESTS=database` runs only the tests that touch the database.

    `make test` runs two lanes side by side (`scripts/test`), SQLite with the browser tests and
    PostgreSQL. A test that cannot reach the database (the pure domain's, hypothesis's above
    all) gives the same answer on both, so it runs once: a third of them in the SQLite lane
    (`CASELOAD_TESTS=sqlite-lane`), the rest in the PostgreSQL lane (`postgres-lane`), which
    balances the two lanes' times."""
    import os

    selection = os.environ.get("CASELOAD_TESTS")
    if not selection:
        return
    if selection not in {"database", "sqlite-lane", "postgres-lane"}:
        raise pytest.UsageError(
            f"CASELOAD_TESTS={selection!r}: expected database, sqlite-lane or postgres-lane"
        )
    kept = [item for item in items if _kept(item, selection)]
    config.hook.pytest_deselected(items=[item for item in items if not _kept(item, selection)])
    items[:] = kept
