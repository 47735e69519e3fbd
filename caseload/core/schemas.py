"""Response bodies shared by every part's API operations."""

from datetime import datetime

from ninja import Field, Schema


class RecordVersionOut(Schema):
    id: int
    version: int = Field(..., ge=1)
    summary: str = Field(..., description="The record at this version, in plain words")
    changed_by: str | None = Field(None, description="Who wrote this version, if known")
    changed_at: datetime | None = Field(None, description="When, if known")


class Conflict(Schema):
    """409: the record changed since the caller read it (`caseload.core.errors.StaleEdit`)."""

    detail: str
    record: str = Field(..., description='What was edited, e.g. "registration"')
    seen: RecordVersionOut | None = Field(..., description="The version the caller sent")
    recorded: RecordVersionOut | None = Field(..., description="The version recorded now")


class NeedsConfirmation(Schema):
    """409: the change would also end or replace another record; send `confirmed: true` to go
    ahead (`caseload.core.errors.ConfirmationNeeded`)."""

    detail: str
    consequences: list[str] = Field(..., description="What else would happen, in words")
