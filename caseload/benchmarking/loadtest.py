"""The interactive load test: `caseload serve` on loopback with the production settings, and
locust (`benchmarks/locustfile.py`, headless) driving signed-in users against it.

The server is started as production starts it (gunicorn, threaded workers sized from the CPU
count, whitenoise), with `DEBUG` off, a secret key required and given, and `ALLOWED_HOSTS` the
loopback address; only `HTTPS` stays off, as the load test speaks plain HTTP on 127.0.0.1.
Its CPU time is read from `/proc/<pid>/stat` (through psutil) for the gunicorn master and each
worker, before and after a run (plus what exited workers left in the master's children's
times); a worker's peak resident memory is its `VmHWM` in `/proc/<pid>/status`, reset at the
start of each run. The locustfile takes the same figures itself at the moment every user has
signed in (`--server-pid`, `--figures`), so that the mix is measured apart from 50 sign-ins at
once (Django's argon2 takes 100 MiB of memory and a good part of a second per sign-in).
"""

from __future__ import annotations

import csv
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil
from django.conf import settings

from caseload.benchmarking.domain import PERCENTILES, ActionStats, LoadRun

LOCUSTFILE = settings.REPO_DIR / "benchmarks" / "locustfile.py"


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]

    def workers(self) -> list[psutil.Process]:
        try:
            return psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def cpu_seconds(self) -> float:
        """User and system CPU time of the master, its workers and any workers that exited."""
        master = psutil.Process(self.process.pid)
        times = master.cpu_times()
        total = times.user + times.system + times.children_user + times.children_system
        for worker in self.workers():
            try:
                own = worker.cpu_times()
            except psutil.NoSuchProcess:
                continue
            total += own.user + own.system
        return total

    def reset_peaks(self) -> None:
        """Start each worker's peak resident memory again from now (Linux: writing 5 to
        `/proc/<pid>/clear_refs`), so that each run's figure is its own."""
        for worker in self.workers():
            try:
                with open(f"/proc/{worker.pid}/clear_refs", "w", encoding="ascii") as refs:
                    refs.write("5")
            except OSError:
                pass

    def worker_peak_mb(self) -> float | None:
        peaks = [_peak_resident_mb(worker.pid) for worker in self.workers()]
        known = [peak for peak in peaks if peak is not None]
        return max(known) if known else None


def _peak_resident_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def production_environment(bind: str) -> dict[str, str]:
    """This process's environment (its database) with the production settings for serving."""
    env = dict(os.environ)
    env.update(
        DEBUG="false",
        REQUIRE_SECRET_KEY="true",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        BIND=bind,
        LOG_LEVEL="WARNING",
    )
    for name in ("SECRET_KEY_FILE", "WEB_WORKERS", "WEB_THREADS", "HTTPS"):
        env.pop(name, None)
    return env


@contextmanager
def serving(log: Path) -> Iterator[Server]:
    """`caseload serve` on a free loopback port until the block ends; its output to `log`."""
    bind = f"127.0.0.1:{_free_port()}"
    caseload = Path(sys.executable).with_name("caseload")
    with log.open("wb") as output:
        process = subprocess.Popen(
            [str(caseload), "serve"],
            env=production_environment(bind),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://{bind}", process)
    try:
        _wait_until_healthy(server, log)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_healthy(server: Server, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"caseload serve stopped: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{server.url}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"caseload serve did not answer /healthz within {seconds:.0f} s")


def run_locust(
    server: Server,
    accounts: Path,
    *,
    users: int,
    run_time: int,
    pause: float,
    prefix: Path,
) -> LoadRun:
    """One headless locust run; its figures per action (from its CSV) and the server's CPU."""
    locust = Path(sys.executable).with_name("locust")
    command = [
        str(locust),
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{run_time}s",
        "--host",
        server.url,
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--accounts",
        str(accounts),
        "--pause",
        str(pause),
        "--server-pid",
        str(server.process.pid),
        "--figures",
        f"{prefix}_figures.json",
    ]
    server.reset_peaks()
    before = server.cpu_seconds()
    # locust exits 1 when any request failed: the failures are a measure, not an error here.
    done = subprocess.run(command, capture_output=True, text=True)
    cpu = server.cpu_seconds() - before
    stats, own = Path(f"{prefix}_stats.csv"), Path(f"{prefix}_figures.json")
    if not stats.exists() or not own.exists():
        raise RuntimeError(f"locust wrote no figures: {done.stderr[-2000:]}")
    actions = read_stats(stats)
    figures = json.loads(own.read_text(encoding="utf-8"))
    if not figures["all_signed_in"]:
        return LoadRun(float(run_time), actions, cpu, server.worker_peak_mb())
    signed = figures["sign_in"]
    actions["sign in"] = ActionStats(
        signed["requests"],
        signed["failures"],
        {int(p): v for p, v in signed["percentiles"].items() if v is not None},
    )
    return LoadRun(
        seconds=figures["mix_seconds"],
        actions=actions,
        server_cpu_seconds=figures["cpu_seconds"],
        worker_peak_mb=figures["worker_peak_mb"],
        after_sign_in=True,
        sign_in_peak_mb=figures["sign_in_peak_mb"],
    )


def read_stats(path: Path) -> dict[str, ActionStats]:
    """locust's `_stats.csv`: one row per request name (and the aggregated row, left out)."""
    found: dict[str, ActionStats] = {}
    with path.open(newline="", encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            if row["Name"] == "Aggregated":
                continue
            requests = int(row["Request Count"])
            percentiles = {p: float(row[f"{p}%"]) for p in PERCENTILES if row[f"{p}%"] != "N/A"}
            previous = found.get(row["Name"])
            if previous is not None:  # the same name by GET and POST (sign in)
                requests += previous.requests
                percentiles = {
                    p: max(v, previous.percentiles.get(p, 0)) for p, v in percentiles.items()
                }
                failures = previous.failures + int(row["Failure Count"])
            else:
                failures = int(row["Failure Count"])
            found[row["Name"]] = ActionStats(requests, failures, percentiles)
    return found
