from datetime import date
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from caseload.dataprotection.apps import configured_retention_years
from caseload.dataprotection.retention import DueCase, RetentionRun, apply, find_due


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"--as-at: {text!r} is not a date like 2026-11-20") from exc


def _action(case: DueCase, *, dry_run: bool, run: RetentionRun) -> str:
    decision = case.decision
    if decision.held:
        return "held: " + "; ".join(decision.held)
    if decision.crn in run.failed:
        return f"not deleted: {run.failed[decision.crn]}"
    if dry_run:
        return "would be deleted"
    return "deleted" if case in run.deleted else "not deleted: changed since it was listed"


class Command(BaseCommand):
    help = (
        "Delete the cases closed for longer than RETENTION_YEARS_AFTER_CLOSURE, with their "
        "history; --dry-run lists them and changes nothing."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="list only; change nothing")
        parser.add_argument(
            "--as-at", help="decide as on this date, e.g. 2026-11-20 (default today)"
        )

    def handle(self, *args: Any, **o: Any) -> None:
        try:
            years = configured_retention_years()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        today = timezone.localdate()
        day = _day(o["as_at"]) if o["as_at"] else today
        dry_run = o["dry_run"]
        if day > today and not dry_run:
            raise CommandError("--as-at: a later date than today may only be used with --dry-run")
        run = find_due(day, years)
        if not dry_run:
            apply(run)
        self.stdout.write(
            f"Retention as at {day}: closed cases are kept {years} years after closure."
        )
        if run.due:
            self.stdout.write(f"{'CRN':<8} {'Closed since':<12}  {'Due since':<10}  Action")
        for case in run.due:
            d = case.decision
            action = _action(case, dry_run=dry_run, run=run)
            self.stdout.write(f"{d.crn:<8} {d.closed_since!s:<12}  {d.due_on!s:<10}  {action}")
        outcome = (
            f"{len(run.due) - len(run.held)} would be deleted"
            if dry_run
            else f"{len(run.deleted)} deleted"
        )
        self.stdout.write(
            f"{run.closed} closed, {len(run.due)} due: {outcome}, {len(run.held)} held"
            + (f", {len(run.failed)} could not be deleted" if run.failed else "")
            + (". Nothing was changed (dry run)." if dry_run else ".")
        )
        if run.failed:
            raise CommandError(f"{len(run.failed)} case(s) could not be deleted (listed above)")
