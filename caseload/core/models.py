"""What every part may build on: a version on editable records, and the progress of a job run
in batches. Neither names a part."""

from typing import Any

from django.db import models

from caseload.core.versions import Seen


class Versioned(models.Model):
    """A record that can be changed after it is written: `version` is 1 when it is written and
    one more on every save, so an edit can tell whether it starts from the latest version
    (`caseload.core.stale_edits.refuse_stale_edit`). The version is kept in its history too."""

    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="1 when written, one more on every change"
    )

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)

    @property
    def seen(self) -> Seen:
        """This record at its current version, as a form or API caller is shown it."""
        return Seen(self.pk, self.version)


class BatchRun(models.Model):
    """One run of a long job done in batches (`caseload recompute`, an import): how far it got.

    Written in the same transaction as each batch's work (`caseload.core.batches`), so it never
    claims a batch that was not kept, and a run stopped at any moment (even by SIGKILL) resumes
    after the last whole batch.
    """

    job = models.CharField(max_length=40, help_text="e.g. recompute")
    #: What the run was asked to do; a run resumes only with the same parameters.
    parameters = models.JSONField(default=dict)
    started_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    #: "completed", or "abandoned" when a run with other parameters (or --restart) replaced it.
    outcome = models.CharField(max_length=10, blank=True)
    #: The key (e.g. person id) of the last item of the last batch kept (items go in key order).
    last_key = models.BigIntegerField(null=True, blank=True)
    done = models.PositiveIntegerField(default=0, help_text="items in the batches kept")
    batches = models.PositiveIntegerField(default=0, help_text="batches kept")

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["job", "finished_at"], name="batch_run_unfinished")]

    def __str__(self) -> str:
        return f"{self.job} started {self.started_at:%Y-%m-%d %H:%M} ({self.outcome or 'running'})"
