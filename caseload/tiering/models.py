"""The tier cache (one row per person) and the history of tier changes. Both are derived."""

from django.db import models


class CaseTier(models.Model):
    """Current tiers for one person. Written only by the refresh step or `caseload recompute`."""

    person = models.OneToOneField("people.Person", on_delete=models.CASCADE, related_name="tier")
    v2_tier = models.CharField("tier (A-D x 0-3)", max_length=4, blank=True, db_index=True)
    v2_protect = models.CharField(max_length=1, blank=True)
    v2_change = models.PositiveSmallIntegerField(null=True)
    v2_protect_points = models.PositiveSmallIntegerField(null=True)
    v2_change_points = models.PositiveSmallIntegerField(null=True)
    v3_tier = models.CharField("tier (A-G)", max_length=16, blank=True, db_index=True)
    v3_provisional = models.BooleanField(null=True)
    reasons = models.JSONField(default=dict)
    calculated_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.person_id}: {self.v2_tier} / {self.v3_tier}"


class TierChange(models.Model):
    """When and why a person's tier changed (appended by the refresh step)."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="tier_changes"
    )
    changed_at = models.DateTimeField()
    framework = models.CharField(max_length=2)
    previous_tier = models.CharField(max_length=16, blank=True)
    new_tier = models.CharField(max_length=16)
    cause = models.CharField(max_length=200, help_text="The action whose facts changed the tier")
    reasons = models.JSONField(default=list)

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.person_id} {self.framework}: {self.previous_tier} → {self.new_tier}"
