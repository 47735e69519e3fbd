"""The workload model's reference data: the points weightings and the workload agreement.

Both are versioned the same way: a version takes effect on a date (`effective_from`) and holds
every row of its table; the version in force on a day is the latest taking effect on or before
it (the later added, of two taking effect the same day). A change is a new version, copied
from the one in force with its changes: a version is never edited once added, so every figure
ever used can be shown again. Each model keeps its history (django-simple-history) too.
"""

from datetime import date

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from caseload.organisation.constants import Grade


class VersionQuerySet(models.QuerySet["WeightingVersion"]):
    def in_force(self, day: date) -> "models.Model | None":
        return self.filter(effective_from__lte=day).order_by("-effective_from", "-pk").first()

    def newest_first(self) -> "VersionQuerySet":
        return self.order_by("-effective_from", "-pk")


class WeightingTable(models.TextChoices):
    """The points weightings tables, each versioned on its own."""

    CASE_POINTS = "case_points", "Points per case by tier and case type"
    REPORTS = "reports", "Report weightings"
    CMS = "cms", "Case management support contact weightings"
    REDUCTIONS = "reductions", "Reduction reasons"
    GRADES = "grades", "Grades, nominal targets and contracted hours"


class WeightingVersion(models.Model):
    """One dated version of one weightings table, with who added it and why."""

    table = models.CharField(max_length=20, choices=WeightingTable.choices)
    effective_from = models.DateField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField()
    source = models.TextField(blank=True, help_text="Where the values come from")
    added_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = VersionQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["table", "effective_from"], name="weighting_in_force")]

    def __str__(self) -> str:
        return f"{self.get_table_display()} from {self.effective_from}"


class CasePointsRow(models.Model):
    version = models.ForeignKey(
        WeightingVersion, on_delete=models.PROTECT, related_name="case_points"
    )
    t2a = models.BooleanField(help_text="The transition to adulthood (young adult) table")
    case_type = models.CharField(max_length=10)
    tier = models.CharField(max_length=3)
    points = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["version", "t2a", "case_type", "tier"], name="one_case_points_per_cell"
            )
        ]

    def __str__(self) -> str:
        return f"{self.tier} {self.case_type}{' (T2A)' if self.t2a else ''}: {self.points}"


class ReportWeightingRow(models.Model):
    version = models.ForeignKey(WeightingVersion, on_delete=models.PROTECT, related_name="reports")
    report_type = models.CharField(max_length=10)
    points = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "report_type"], name="one_report_weighting")
        ]

    def __str__(self) -> str:
        return f"{self.report_type}: {self.points}"


class CmsWeightingRow(models.Model):
    version = models.ForeignKey(WeightingVersion, on_delete=models.PROTECT, related_name="cms")
    code = models.CharField(max_length=10)
    activity = models.CharField(max_length=80)
    level = models.CharField(max_length=10)
    points = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="one_cms_weighting")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.activity} ({self.level}): {self.points}"


class ReductionReasonRow(models.Model):
    version = models.ForeignKey(
        WeightingVersion, on_delete=models.PROTECT, related_name="reduction_reasons"
    )
    position = models.PositiveSmallIntegerField()
    category = models.CharField(max_length=60)
    name = models.CharField(max_length=80)
    allowance_percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    max_percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    expiry_months = models.PositiveSmallIntegerField(null=True, blank=True)
    enabled = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "name"], name="one_reduction_reason")
        ]

    def __str__(self) -> str:
        return self.name


class GradeWeightingRow(models.Model):
    version = models.ForeignKey(WeightingVersion, on_delete=models.PROTECT, related_name="grades")
    grade = models.CharField(max_length=5)
    nominal_target = models.PositiveIntegerField(help_text="Points a week at full hours")
    default_contracted_hours = models.DecimalField(max_digits=4, decimal_places=1)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "grade"], name="one_grade_row")]

    def __str__(self) -> str:
        return f"{self.grade}: {self.nominal_target}"


class AgreementVersion(models.Model):
    """One dated version of the workload agreement: the minutes agreed for each task."""

    effective_from = models.DateField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField()
    responsive_share_percent = models.DecimalField(max_digits=4, decimal_places=1)
    responsive_share_source = models.TextField(blank=True)
    responsive_share_local_estimate = models.BooleanField(default=True)
    added_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = VersionQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Workload agreement from {self.effective_from}"


class AgreedTiming(models.Model):
    version = models.ForeignKey(AgreementVersion, on_delete=models.PROTECT, related_name="timings")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=12)
    code = models.CharField(max_length=40, blank=True)
    label = models.CharField(max_length=100)
    setting = models.CharField(max_length=30, blank=True)
    minutes = models.PositiveIntegerField()
    source = models.TextField(blank=True)
    local_estimate = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "kind", "code"], name="one_timing_per_task")
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.minutes} minutes"


class WeekNoteQuerySet(models.QuerySet["WeekNote"]):
    def latest_for(self, staff_ids: list[int], week_starting: date) -> dict[int, "WeekNote"]:
        """Each practitioner's latest note on the week (earlier ones are kept, not shown)."""
        found: dict[int, WeekNote] = {}
        rows = self.filter(staff_id__in=staff_ids, week_starting=week_starting).order_by(
            "written_at", "pk"
        )
        for note in rows:
            found[note.staff_id] = note
        return found


class WeekNote(models.Model):
    """A practitioner's note on their week's list, for their manager ("the PSR took all of
    Tuesday"). Each note is kept: a new one is added, never edited."""

    staff = models.ForeignKey(
        "organisation.Staff", on_delete=models.PROTECT, related_name="week_notes"
    )
    week_starting = models.DateField()
    text = models.TextField()
    written_at = models.DateTimeField(auto_now_add=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = WeekNoteQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["staff", "week_starting"], name="week_note_staff_week")]

    def __str__(self) -> str:
        return f"Note on the week starting {self.week_starting}"


class ReductionStatusChoice(models.TextChoices):
    ACTIVE = "ACTIVE", "Active"
    ARCHIVED = "ARCHIVED", "Archived"
    DELETED = "DELETED", "Deleted"


class Reduction(models.Model):
    """Weekly hours taken off a practitioner's capacity for a reason, from one day until another
    (exclusive; none: open-ended). The reason is a name from the reduction reasons in force."""

    staff = models.ForeignKey(
        "organisation.Staff", on_delete=models.PROTECT, related_name="reductions"
    )
    hours = models.DecimalField(max_digits=4, decimal_places=2)
    reason = models.CharField(max_length=100)
    effective_from = models.DateField()
    effective_to = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=8, choices=ReductionStatusChoice.choices, default=ReductionStatusChoice.ACTIVE
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.hours} hours a week: {self.reason}"


class EstablishmentQuerySet(models.QuerySet["EstablishmentPosts"]):
    def in_force(self, day: date) -> dict[tuple[int, str], "EstablishmentPosts"]:
        """The posts in force on `day` for each (team, grade): the latest figure taking effect
        on or before it (the later recorded among several the same day)."""
        found: dict[tuple[int, str], EstablishmentPosts] = {}
        rows = self.filter(effective_from__lte=day).order_by("effective_from", "recorded_at", "pk")
        for row in rows:
            found[(row.team_id, row.grade)] = row
        return found


class EstablishmentPosts(models.Model):
    """How many posts of a grade a team is funded for, from a date: the establishment that
    vacancies are counted against. Not in the case record; recorded by an administrator of
    reference data (`record_establishment`), never edited: a new figure takes effect from its
    own date and the earlier ones stay as the history."""

    team = models.ForeignKey(
        "organisation.Team", on_delete=models.PROTECT, related_name="establishment"
    )
    grade = models.CharField(max_length=5, choices=Grade.choices)
    posts = models.PositiveSmallIntegerField()
    effective_from = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = EstablishmentQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "establishment posts"
        indexes = [models.Index(fields=["team", "grade", "effective_from"], name="posts_in_force")]

    def __str__(self) -> str:
        return f"{self.posts} {self.grade} posts in {self.team_id} from {self.effective_from}"
