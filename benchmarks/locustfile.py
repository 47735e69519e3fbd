"""The interactive load test of `caseload bench` (issue 13, point 5): signed-in users doing a
practitioner's day against `caseload serve` on loopback.

    locust -f benchmarks/locustfile.py --headless --users 50 --spawn-rate 50 --run-time 60s \\
        --host http://127.0.0.1:8000 --accounts accounts.json --pause 1

`--accounts` is the JSON written by `caseload.benchmarking.accounts` (usernames, a password and
each account's cases); `--pause` the seconds each user waits between requests (0: saturation).

Every user signs in first, and nobody starts the mix until all have (or given up): 50 sign-ins
at once are a few seconds of argon2 that would otherwise swamp a minute's figures. When the last
has signed in, the sign-in figures are kept apart and the statistics start again, so locust's
CSV holds the mix alone; with `--server-pid`, the server's CPU time and its workers' peak memory
are taken from then too, and `--figures FILE` receives them (JSON) when the run stops.
One user in ten is a manager (at least one): the team's caseload, essentials and workload; the
rest are practitioners: Today, their caseload, a case, a contact recorded and an appointment
booked through the real forms (CSRF and all), their essentials. Each user signs in once, through
the sign-in page, with the account's own password, so django-axes counts no failure.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import time
from datetime import date, timedelta
from html.parser import HTMLParser
from typing import Any

import gevent.event
import psutil
from locust import HttpUser, events, task
from locust.exception import StopUser

ACCOUNTS: dict[str, Any] = {}
_next_practitioner = itertools.count()
_next_manager = itertools.count()
QUARTERS = ("00", "15", "30", "45")


SIGN_IN = "sign in"
SIGNED_IN = gevent.event.Event()
_settled = itertools.count(1)
_figures: dict[str, Any] = {}


@events.init_command_line_parser.add_listener
def _options(parser: Any) -> None:
    parser.add_argument("--accounts", help="the accounts JSON", default="")
    parser.add_argument("--pause", type=float, default=1.0, help="seconds between requests")
    parser.add_argument("--server-pid", type=int, default=0, help="gunicorn's master")
    parser.add_argument("--figures", default="", help="where the run's own figures go")


def server_processes(pid: int) -> list[psutil.Process]:
    master = psutil.Process(pid)
    return [master, *master.children(recursive=True)]


def server_cpu_seconds(pid: int) -> float:
    """User and system CPU of gunicorn's master and workers (and workers that exited)."""
    total = 0.0
    for number, process in enumerate(server_processes(pid)):
        times = process.cpu_times()
        total += times.user + times.system
        if number == 0:
            total += times.children_user + times.children_system
    return total


def worker_peaks_mb(pid: int, *, reset: bool = False) -> list[float]:
    """Each worker's peak resident memory (VmHWM); `reset` starts it again from now."""
    peaks = []
    for worker in server_processes(pid)[1:]:
        try:
            with open(f"/proc/{worker.pid}/status", encoding="ascii") as status:
                peaks += [int(x.split()[1]) / 1024 for x in status if x.startswith("VmHWM:")]
            if reset:
                with open(f"/proc/{worker.pid}/clear_refs", "w", encoding="ascii") as refs:
                    refs.write("5")
        except OSError:
            continue
    return peaks


def _settle(environment: Any) -> None:
    """A user has signed in or given up; the last one starts the measured mix."""
    if next(_settled) < environment.runner.target_user_count or SIGNED_IN.is_set():
        return
    stats = environment.runner.stats
    entries = [stats.get(SIGN_IN, method) for method in ("GET", "POST")]
    posted = entries[1]
    _figures["sign_in"] = {
        "requests": sum(e.num_requests for e in entries),
        "failures": sum(e.num_failures for e in entries),
        "percentiles": {
            str(p): posted.get_response_time_percentile(p / 100) if posted.num_requests else None
            for p in (50, 95, 99)
        },
    }
    _figures["signed_in_after"] = time.monotonic() - _figures["started"]
    pid = environment.parsed_options.server_pid
    if pid:
        _figures["sign_in_peak_mb"] = max(worker_peaks_mb(pid, reset=True), default=None)
        _figures["cpu_at_start"] = server_cpu_seconds(pid)
    stats.reset_all()
    _figures["mix_started"] = time.monotonic()
    SIGNED_IN.set()


@events.test_start.add_listener
def _started(environment: Any, **kwargs: Any) -> None:
    _figures["started"] = time.monotonic()


@events.test_stop.add_listener
def _stopped(environment: Any, **kwargs: Any) -> None:
    options = environment.parsed_options
    if not options.figures:
        return
    if SIGNED_IN.is_set():
        _figures["mix_seconds"] = time.monotonic() - _figures["mix_started"]
        if options.server_pid:
            _figures["cpu_seconds"] = (
                server_cpu_seconds(options.server_pid) - _figures["cpu_at_start"]
            )
            _figures["worker_peak_mb"] = max(worker_peaks_mb(options.server_pid), default=None)
    _figures["all_signed_in"] = SIGNED_IN.is_set()
    with open(options.figures, "w", encoding="utf-8") as out:
        json.dump(_figures, out)


@events.init.add_listener
def _load_accounts(environment: Any, **kwargs: Any) -> None:
    options = environment.parsed_options
    if options is None or not options.accounts:
        return
    with open(options.accounts, encoding="utf-8") as given:
        ACCOUNTS.update(json.load(given))
    Manager.fixed_count = max(1, options.num_users // 10) if ACCOUNTS.get("managers") else 0


class _Form(HTMLParser):
    """Each form's fields with the values the page filled in: what a browser would send if the
    user changed nothing (a select's first option unless another is selected)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self._select: str | None = None
        self._first_option: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append({"fields": {}})
        if not self.forms or "name" not in a and tag != "option":
            return
        fields = self.forms[-1]["fields"]
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    fields[a["name"]] = a.get("value", "on")
            elif kind != "submit":
                fields[a["name"]] = a.get("value", "")
        elif tag == "textarea":
            fields[a["name"]] = ""
        elif tag == "select":
            self._select, self._first_option = a["name"], None
        elif tag == "option" and self._select:
            if self._first_option is None:
                self._first_option = a.get("value", "")
                fields.setdefault(self._select, self._first_option)
            if "selected" in a:
                fields[self._select] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def form_fields(html: str) -> dict[str, str]:
    """The fields of the page's last form with a CSRF token (the page's own form, not the
    sign-out form in the header)."""
    parser = _Form()
    parser.feed(html)
    posting = [f for f in parser.forms if "csrfmiddlewaretoken" in f["fields"]]
    return dict(posting[-1]["fields"]) if posting else {}


class _SignedIn(HttpUser):
    abstract = True
    role = ""

    def wait_time(self) -> float:
        return float(self.environment.parsed_options.pause)

    def on_start(self) -> None:
        # Not `finally`: a user stopped by the end of the run (GreenletExit) has not settled.
        try:
            self._sign_in()
        except Exception:
            _settle(self.environment)
            raise
        _settle(self.environment)
        SIGNED_IN.wait()

    def _sign_in(self) -> None:
        accounts = ACCOUNTS.get(f"{self.role}s") or []
        if not accounts:
            raise StopUser()
        counter = _next_manager if self.role == "manager" else _next_practitioner
        self.account = accounts[next(counter) % len(accounts)]
        page = self.client.get("/accounts/login/", name=SIGN_IN)
        fields = form_fields(page.text)
        fields.update(username=self.account["username"], password=ACCOUNTS["password"])
        with self.client.post(
            "/accounts/login/",
            data=fields,
            name=SIGN_IN,
            headers={"Referer": f"{self.host}/accounts/login/"},
            # Not followed: the page it leads to is Today, timed as Today.
            allow_redirects=False,
            catch_response=True,
        ) as signed_in:
            if signed_in.status_code != 302 or "/accounts/login/" in signed_in.headers.get(
                "Location", ""
            ):
                signed_in.failure("not signed in")
                raise StopUser()

    def crn(self) -> str:
        return str(random.choice(self.account["crns"]))

    def _post_form(self, path: str, form_name: str, name: str, answers: dict[str, str]) -> None:
        """GET the form page, fill in `answers` over what it shows, POST it; a page that
        answers with the form again (an error summary) is a failure."""
        page = self.client.get(path, name=form_name)
        fields = form_fields(page.text)
        fields.update(answers)
        with self.client.post(
            path,
            data=fields,
            name=name,
            headers={"Referer": f"{self.host}{path}"},
            catch_response=True,
        ) as posted:
            if posted.status_code == 200 and "confirm_overlap" in posted.text:
                # Another booking at that time: the page asks to confirm, as a user would.
                again = form_fields(posted.text)
                posted = self.client.post(path, data=again, name=name)
            if posted.status_code >= 400 or "govuk-error-summary" in posted.text:
                errors = re.findall(r'<a href="#[^"]*">([^<]*)</a>', posted.text)[:3]
                posted.failure(f"{posted.status_code}: {'; '.join(errors) or 'refused'}")


class Practitioner(_SignedIn):
    weight = 9
    role = "practitioner"

    @task(3)
    def today(self) -> None:
        self.client.get("/today/", name="Today")

    @task(2)
    def caseload(self) -> None:
        self.client.get("/cases/", name="caseload")

    @task(3)
    def case_page(self) -> None:
        self.client.get(f"/cases/{self.crn()}/", name="case page")

    @task(2)
    def record_a_contact(self) -> None:
        self._post_form(
            f"/cases/{self.crn()}/contacts/new/",
            "contact form",
            "record a contact",
            {
                "contact_type": random.choice(("CTOA", "CTOB", "CMOA")),
                "notes": "Spoke about the week ahead (load test).",
            },
        )

    @task(1)
    def book_an_appointment(self) -> None:
        day = date.today() + timedelta(days=random.randint(1, 60))
        self._post_form(
            f"/cases/{self.crn()}/appointments/new/",
            "appointment form",
            "book an appointment",
            {
                "contact_type": "COAP",
                "starts_on_day": str(day.day),
                "starts_on_month": str(day.month),
                "starts_on_year": str(day.year),
                "starts_at_time": f"{random.randint(9, 16)}:{random.choice(QUARTERS)}",
                "location": "Northbridge office, room 2",
            },
        )

    @task(1)
    def essentials(self) -> None:
        self.client.get("/essentials/", name="essentials")


class Manager(_SignedIn):
    weight = 1
    role = "manager"

    @task(2)
    def team_caseload(self) -> None:
        self.client.get("/team/", name="team caseload")

    @task(2)
    def case_page(self) -> None:
        self.client.get(f"/cases/{self.crn()}/", name="case page")

    @task(1)
    def team_essentials(self) -> None:
        self.client.get("/team/essentials/", name="team essentials")

    @task(1)
    def team_workload(self) -> None:
        self.client.get("/team/workload/", name="team workload")
