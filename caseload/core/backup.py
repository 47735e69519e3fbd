"""Back up and restore the database, whichever it is.

- SQLite: SQLite's online backup API (`sqlite3.Connection.backup`), which copies a consistent
  snapshot page by page while the service keeps running, and checks the copy's integrity.
  Never copy a live database file (or its -wal file) with `cp`: the copy can be torn.
- PostgreSQL: `pg_dump --format=custom` and `pg_restore --single-transaction`, found on PATH
  or in `/usr/lib/postgresql/*/bin` (newest first). A dump holds the schema, the data, the
  sequences' positions and every trigger (the audit log's append-only triggers included).

A backup holds the most sensitive data there is: files are written with mode 0600 and should be
encrypted at rest (`docs/operations.md`). `-` writes to standard output / reads standard input,
so a backup can be piped straight into an encryption tool and never touch the disk in clear.
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import connections

STDIO = "-"


class BackupError(Exception):
    """The backup or restore could not be made; nothing was changed."""


def _database() -> dict[str, Any]:
    return dict(settings.DATABASES["default"])


def _is_sqlite() -> bool:
    return str(_database()["ENGINE"]).endswith("sqlite3")


def backup(output: str) -> None:
    """Write a backup of the whole database to `output` (a path, or "-" for stdout)."""
    connections.close_all()
    with _written(output) as path:
        if _is_sqlite():
            _sqlite_backup(path)
        else:
            _pg(["pg_dump", "--format=custom", "--no-password", f"--file={path}"])


def restore(source: str, *, replace: bool = False) -> None:
    """Restore a backup made by `backup` into the configured database, which must be empty
    unless `replace` (then everything in it is replaced)."""
    connections.close_all()
    with _read(source) as path:
        if _is_sqlite():
            _sqlite_restore(path, replace=replace)
        else:
            _pg_restore(path, replace=replace)
    connections.close_all()


@contextmanager
def _written(output: str) -> Iterator[Path]:
    """A private file (0600) to write; moved into place (or copied to stdout) once complete."""
    if output == STDIO:
        directory = None
    else:
        directory = Path(output).resolve().parent
        if not directory.is_dir():
            raise BackupError(f"No such directory: {directory}")
    fd, name = tempfile.mkstemp(prefix=".caseload-backup-", dir=directory)
    os.close(fd)
    os.chmod(name, 0o600)
    try:
        yield Path(name)
        if output == STDIO:
            with open(name, "rb") as written:
                shutil.copyfileobj(written, _stdout())
            _stdout().flush()
        else:
            os.replace(name, output)
    finally:
        if os.path.exists(name):
            os.unlink(name)


def _stdout() -> IO[bytes]:
    return sys.stdout.buffer


@contextmanager
def _read(source: str) -> Iterator[Path]:
    if source != STDIO:
        path = Path(source)
        if not path.is_file():
            raise BackupError(f"No such backup file: {source}")
        yield path
        return
    fd, name = tempfile.mkstemp(prefix=".caseload-restore-")
    os.chmod(name, 0o600)
    try:
        with os.fdopen(fd, "wb") as copy:
            shutil.copyfileobj(sys.stdin.buffer, copy)
        yield Path(name)
    finally:
        os.unlink(name)


def _sqlite_path() -> str:
    return str(_database()["NAME"])


def _sqlite_backup(path: Path) -> None:
    live = _sqlite_path()
    if not os.path.isfile(live):
        raise BackupError(f"No database at {live}")
    source = sqlite3.connect(live, timeout=60)
    target = sqlite3.connect(path)
    try:
        source.backup(target)
        _check_sqlite(target, "The backup")
    finally:
        target.close()
        source.close()


def _check_sqlite(conn: sqlite3.Connection, what: str) -> None:
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        migrated = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'django_migrations'"
        ).fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{what} is not a caseload SQLite backup: {exc}") from exc
    if result != "ok" or not migrated:
        raise BackupError(f"{what} is not a complete caseload database ({result})")


def _sqlite_restore(path: Path, *, replace: bool) -> None:
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        _check_sqlite(source, "The file")
        target = sqlite3.connect(_sqlite_path(), timeout=60)
        try:
            tables = target.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
            if tables and not replace:
                raise BackupError(
                    "The database is not empty; restore into an empty one, or pass --replace"
                )
            source.backup(target)
            _check_sqlite(target, "The restored database")
        finally:
            target.close()
    finally:
        source.close()


def pg_tool(name: str) -> str:
    """The newest installed PostgreSQL client program `name` (the dump's reader must be at
    least as new as the server that wrote it)."""
    installed = glob.glob(f"/usr/lib/postgresql/*/bin/{name}")
    installed.sort(key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    found = installed[-1] if installed else shutil.which(name)
    if not found:
        raise BackupError(f"{name} not found: install the PostgreSQL client programs")
    return found


def _pg(command: list[str]) -> None:
    db = _database()
    env = {
        **os.environ,
        "PGHOST": str(db["HOST"]),
        "PGPORT": str(db["PORT"]),
        "PGUSER": str(db["USER"]),
        "PGDATABASE": str(db["NAME"]),
    }
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])  # never on the command line
    done = subprocess.run(
        [pg_tool(command[0]), *command[1:]], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()}")


def _pg_restore(path: Path, *, replace: bool) -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")
        (tables,) = cursor.fetchone()
    connections.close_all()
    if tables and not replace:
        raise BackupError("The database is not empty; restore into an empty one, or pass --replace")
    options = ["--clean", "--if-exists"] if replace else []
    _pg(
        [
            "pg_restore",
            "--single-transaction",
            "--exit-on-error",
            "--no-owner",
            "--no-privileges",
            "--no-password",
            *options,
            f"--dbname={_database()['NAME']}",
            str(path),
        ]
    )
