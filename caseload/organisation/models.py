"""The organisation: regions, probation delivery units (PDUs), teams, staff and case allocation."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from caseload.core.models import Versioned
from caseload.core.querysets import PeriodQuerySet
from caseload.organisation.constants import Grade, Role


class Region(models.Model):
    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DeliveryUnit(models.Model):
    """A Probation Delivery Unit (PDU): a borough-level unit within a region."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="delivery_units")
    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    delivery_unit = models.ForeignKey(DeliveryUnit, on_delete=models.PROTECT, related_name="teams")
    code = models.CharField(max_length=12, unique=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Staff(models.Model):
    """A member of staff: their grade, role, team and contracted hours, with history."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="staff"
    )
    officer_code = models.CharField(max_length=12, unique=True)
    grade = models.CharField(max_length=5, choices=Grade.choices)
    role = models.CharField(max_length=12, choices=Role.choices)
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="staff", null=True, blank=True
    )
    contracted_hours = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        default=Decimal("37.00"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("48"))],
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        verbose_name_plural = "staff"

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.username

    @property
    def delivery_unit_id(self) -> int | None:
        return self.team.delivery_unit_id if self.team else None


class AllocationQuerySet(PeriodQuerySet["Allocation"]):
    def latest_open(self) -> "AllocationQuerySet":
        """The allocation with no end date: the one in force, or one starting on a later day."""
        return self.filter(end_date__isnull=True)


class Allocation(Versioned):
    """Who manages a case, from start_date until end_date (exclusive; null = now).

    Versioned: a new allocation ends the latest open one, so it is refused if that is not the
    one the user saw."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="allocations"
    )
    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="allocations")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="allocations")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    history = HistoricalRecords()

    objects = AllocationQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(end_date__isnull=True),
                name="one_current_allocation_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id} → {self.staff} from {self.start_date}"


class Handover(models.Model):
    """That a case was handed over from one practitioner to another, and when the new one
    read the handover summary. Nothing else: the summary is built from the record each time
    it is opened (`caseload.handover`), so it is never a stale copy of the facts.

    Written by `allocate_case` when a case moves from one practitioner to another; `read_at`
    is set by `read_handover` the first time the new practitioner opens the summary."""

    allocation = models.OneToOneField(
        Allocation, on_delete=models.CASCADE, related_name="handover", help_text="To whom"
    )
    handed_over_from = models.ForeignKey(
        Allocation, on_delete=models.CASCADE, related_name="+", help_text="From whom"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]

    def __str__(self) -> str:
        return f"Handover of {self.allocation.person_id} to {self.allocation.staff}"
