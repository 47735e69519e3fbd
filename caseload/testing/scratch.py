"""A database of its own for tests that run `caseload` in other processes (the SIGKILL test,
backup and restore): a file on SQLite, a new database on the test server on PostgreSQL. It is
migrated by the `caseload` command itself, read with the database driver (not Django's test
connection), and dropped afterwards."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

CASELOAD = [sys.executable, "-m", "caseload"]


def on_postgresql() -> bool:
    return bool(settings.DATABASES["default"]["ENGINE"].endswith("postgresql"))


def _server() -> dict[str, Any]:
    db = settings.DATABASES["default"]
    return {
        "host": db["HOST"],
        "port": db["PORT"],
        "user": db["USER"],
        "password": db["PASSWORD"] or None,
    }


@dataclass
class ScratchDatabase:
    #: The database file (SQLite) or name (PostgreSQL).
    name: str
    env: dict[str, str]

    def caseload(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        """Run `caseload ARGS` against this database; fail the test if it fails."""
        done = subprocess.run(
            [*CASELOAD, *args], env=self.env, capture_output=True, text=True, timeout=timeout
        )
        assert done.returncode == 0, f"caseload {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
        return done

    def pipe(self, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        """Run `caseload ARGS` with bytes in and out (backups through a pipe); not checked."""
        return subprocess.run(
            [*CASELOAD, *args], env=self.env, input=stdin, capture_output=True, timeout=300
        )

    def start(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [*CASELOAD, *args],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of one query (placeholders: %s), on a connection of its own."""
        if on_postgresql():
            import psycopg

            with psycopg.connect(dbname=self.name, autocommit=True, **_server()) as conn:
                return [tuple(row) for row in conn.execute(sql.encode(), params).fetchall()]
        conn = sqlite3.connect(self.name, timeout=20)
        try:
            return conn.execute(sql.replace("%s", "?"), params).fetchall()
        finally:
            conn.close()

    def execute(self, sql: str) -> None:
        if on_postgresql():
            import psycopg

            with psycopg.connect(dbname=self.name, autocommit=True, **_server()) as conn:
                conn.execute(sql.encode())
            return
        conn = sqlite3.connect(self.name, timeout=20, isolation_level=None)
        try:
            conn.execute(sql)
        finally:
            conn.close()


#: The replica named by the test run's environment is a copy of another database than this one.
NOT_FOR_SCRATCH = ("DATABASE_REPLICA_URL", "DATABASE_REPLICA_URL_FILE")


def _environment(**overrides: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PYTEST") and k not in NOT_FOR_SCRATCH
    }
    env.update(overrides, LOG_LEVEL="ERROR")
    return env


@contextmanager
def scratch_database(directory: Path) -> Iterator[ScratchDatabase]:
    """An empty database (not migrated) for this vendor; gone afterwards."""
    if not on_postgresql():
        path = directory / f"scratch-{uuid.uuid4().hex[:8]}.sqlite3"
        yield ScratchDatabase(str(path), _environment(DB="sqlite", SQLITE_PATH=str(path)))
        return
    import psycopg

    name = f"scratch_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(dbname="postgres", autocommit=True, **_server()) as conn:
        conn.execute(f'CREATE DATABASE "{name}"'.encode())
    try:
        yield ScratchDatabase(name, _environment(DB="postgres", PGDATABASE=name))
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **_server()) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'.encode())
