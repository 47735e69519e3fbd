"""People on probation and their sentences: the facts, each recorded once with its history.

Derived values (age, whether a sentence is active, expected end date, tier, scores) are computed,
never stored here. Periods run from a start date to an exclusive end date; null means ongoing.
"""

from datetime import date

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from caseload.core.models import Versioned
from caseload.core.querysets import PeriodQuerySet
from caseload.people import constants as c
from caseload.people.domain import has_sexual_offence_history

crn_validator = RegexValidator(r"^[A-Z][0-9]{6}$", "A CRN is one capital letter and six digits")
offence_code_validator = RegexValidator(
    r"^[0-9]{5}$", "A Home Office offence code is exactly five digits"
)


class PersonQuerySet(models.QuerySet["Person"]):
    """Who holds a case is asked of the allocation in force on a day (today by default)."""

    def _allocated(self, day: date | None = None, **allocation: object) -> "PersonQuerySet":
        from caseload.organisation.models import Allocation

        # An IN over the allocations rather than a correlated EXISTS: the database starts from
        # the holder's or team's few allocations (their index), not from every person.
        held = Allocation.objects.active_on(day).filter(**allocation).values("person_id")
        return self.filter(pk__in=held)

    def allocated_to(self, staff_id: int, day: date | None = None) -> "PersonQuerySet":
        return self._allocated(day, staff_id=staff_id)

    def held_by_user(self, user: object, day: date | None = None) -> "PersonQuerySet":
        """The cases the signed-in practitioner holds: "My cases"."""
        return self._allocated(day, staff__user=user)

    def in_team(self, team_id: int, day: date | None = None) -> "PersonQuerySet":
        return self._allocated(day, team_id=team_id)

    def in_delivery_unit(self, delivery_unit_id: int, day: date | None = None) -> "PersonQuerySet":
        return self._allocated(day, team__delivery_unit_id=delivery_unit_id)


class Person(models.Model):
    """A person on probation, with personal and equality information recorded once."""

    crn = models.CharField("CRN", max_length=7, unique=True, validators=[crn_validator])
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField()
    pnc_number = models.CharField("PNC number", max_length=20, blank=True)
    sex = models.CharField(max_length=12, choices=c.Sex.choices)
    gender_identity = models.CharField(
        max_length=20, choices=c.GenderIdentity.choices, default=c.NOT_RECORDED
    )
    ethnicity = models.CharField(max_length=20, choices=c.Ethnicity.choices, default=c.NOT_RECORDED)
    religion = models.CharField(max_length=20, choices=c.Religion.choices, default=c.NOT_RECORDED)
    sexual_orientation = models.CharField(
        max_length=20, choices=c.SexualOrientation.choices, default=c.NOT_RECORDED
    )
    disability = models.CharField(
        max_length=20, choices=c.Disability.choices, default=c.NOT_RECORDED
    )
    nationality = models.CharField(max_length=60, blank=True)
    preferred_language = models.CharField(max_length=60, blank=True, default="English")
    interpreter_required = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.crn})"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class CriminalHistory(models.Model):
    """Criminal-record facts (from the PNC) that the predictors need; one row per person."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="criminal_history")
    total_sanctions = models.PositiveIntegerField(
        help_text="All sanctions, including the current one", validators=[MinValueValidator(1)]
    )
    violent_sanctions = models.PositiveIntegerField(default=0)
    first_sanction_date = models.DateField()
    contact_adult_sexual_sanctions = models.PositiveIntegerField(default=0)
    contact_child_sexual_sanctions = models.PositiveIntegerField(default=0)
    indecent_image_sanctions = models.PositiveIntegerField(default=0)
    non_contact_sexual_offences = models.PositiveIntegerField(default=0)
    most_recent_sexual_offence_date = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "criminal histories"

    def __str__(self) -> str:
        return f"Criminal history of {self.person_id}"

    @property
    def sexual_offence_history(self) -> bool:
        return has_sexual_offence_history(
            self.contact_adult_sexual_sanctions,
            self.contact_child_sexual_sanctions,
            self.indecent_image_sanctions,
            self.non_contact_sexual_offences,
        )


class Event(models.Model):
    """One conviction episode; numbered 1, 2, ... per person."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="events")
    number = models.PositiveSmallIntegerField()
    offence_code = models.CharField(max_length=5, validators=[offence_code_validator])
    offence_description = models.CharField(max_length=200, blank=True)
    offence_date = models.DateField()
    conviction_date = models.DateField()
    court = models.CharField(max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["person", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["person", "number"], name="unique_event_number")
        ]

    def __str__(self) -> str:
        return f"Event {self.number} of {self.person_id}"


class SentenceQuerySet(PeriodQuerySet["Sentence"]):
    period_fields = ("sentence_date", "termination_date")


class Sentence(models.Model):
    """The sentence (disposal) of an event."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="sentence")
    sentence_type = models.CharField(max_length=3, choices=c.SentenceType.choices)
    sentence_date = models.DateField()
    length = models.PositiveSmallIntegerField()
    length_unit = models.CharField(max_length=6, choices=c.LengthUnit.choices)
    release_date = models.DateField(null=True, blank=True, help_text="Custody: date released")
    automatic_release_date = models.DateField(
        "Automatic conditional release date",
        null=True,
        blank=True,
        help_text="Custody: the ACR key date; a release before it was on home detention curfew",
    )
    licence_expiry_date = models.DateField(null=True, blank=True)
    termination_date = models.DateField(null=True, blank=True)
    termination_reason = models.CharField(max_length=100, blank=True)
    history = HistoricalRecords()

    objects = SentenceQuerySet.as_manager()

    class Meta:
        ordering = ["-sentence_date"]

    def __str__(self) -> str:
        return f"{self.get_sentence_type_display()} from {self.sentence_date}"


class Requirement(models.Model):
    """A requirement of a community or suspended sentence order."""

    sentence = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="requirements")
    category = models.CharField(max_length=5, choices=c.RequirementCategory.choices)
    length = models.PositiveSmallIntegerField(null=True, blank=True)
    length_unit = models.CharField(max_length=6, choices=c.LengthUnit.choices, blank=True)
    electronic_monitoring = models.BooleanField(default=False)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    termination_reason = models.CharField(max_length=100, blank=True)
    history = HistoricalRecords()

    objects = PeriodQuerySet.as_manager()

    class Meta:
        ordering = ["start_date"]

    def __str__(self) -> str:
        return self.get_category_display()


class LicenceCondition(models.Model):
    """An additional licence condition (standard conditions apply to every licence)."""

    sentence = models.ForeignKey(
        Sentence, on_delete=models.CASCADE, related_name="licence_conditions"
    )
    category = models.CharField(max_length=20, choices=c.LicenceConditionCategory.choices)
    description = models.CharField(max_length=300, blank=True)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    objects = PeriodQuerySet.as_manager()

    class Meta:
        ordering = ["start_date"]

    def __str__(self) -> str:
        return self.get_category_display()


class Circumstance(Versioned):
    """Accommodation or employment/education/training status over time.

    Versioned: a change of circumstances ends the current one of its kind, so it is refused if
    the current one is not the one the user saw."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="circumstances")
    kind = models.CharField(max_length=15, choices=c.CircumstanceKind.choices)
    status = models.CharField(max_length=20)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    verified = models.BooleanField(default=False)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    history = HistoricalRecords()

    objects = PeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]

    def __str__(self) -> str:
        return f"{self.kind} {self.status} from {self.start_date}"

    def get_status_display(self) -> str:
        choices = (
            c.AccommodationStatus
            if self.kind == c.CircumstanceKind.ACCOMMODATION
            else c.EmploymentStatus
        )
        return str(dict(choices.choices).get(self.status, self.status))


class Address(Versioned):
    """Where the person lives or has lived: a main address and any others, each from a date.

    Versioned: a new main address ends the current one, so it is refused if the current one
    is not the one the user saw. The accommodation *status* (settled, temporary, no fixed abode)
    is a `Circumstance` and is not keyed here again: the page shows the two together.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="addresses")
    kind = models.CharField(max_length=20, choices=c.AddressKind.choices)
    line_1 = models.CharField("Address line 1", max_length=100)
    line_2 = models.CharField("Address line 2", max_length=100, blank=True)
    town = models.CharField("Town or city", max_length=100)
    postcode = models.CharField(max_length=8)
    start_date = models.DateField("From")
    end_date = models.DateField("To", null=True, blank=True)
    verified = models.BooleanField(default=False)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    history = HistoricalRecords()

    objects = PeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name_plural = "addresses"

    def __str__(self) -> str:
        return f"{self.line_1}, {self.town} {self.postcode}"

    @property
    def lines(self) -> list[str]:
        return [line for line in (self.line_1, self.line_2, self.town, self.postcode) if line]


class PhoneAndEmail(Versioned):
    """How to reach the person: one row per person, changed as a whole, with its history."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="phone_and_email")
    mobile = models.CharField("Mobile number", max_length=20, blank=True)
    phone = models.CharField("Other phone number", max_length=20, blank=True)
    email = models.CharField("Email address", max_length=254, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "phone and email"
        verbose_name_plural = "phone and email"

    def __str__(self) -> str:
        return f"Phone and email of {self.person_id}"


class PersonalContact(Versioned):
    """Someone in the person's life the service may need: next of kin, GP, family, emergency
    contact. Third-party data: withheld from viewers who may not see sensitive fields."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="personal_contacts")
    kind = models.CharField("Type", max_length=20, choices=c.PersonalContactKind.choices)
    name = models.CharField(max_length=100)
    relationship = models.CharField(max_length=100)
    phone = models.CharField("Phone number", max_length=20, blank=True)
    address = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    start_date = models.DateField("Recorded on")
    end_date = models.DateField("No longer a contact from", null=True, blank=True)
    history = HistoricalRecords()

    objects = PeriodQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.relationship})"


class Disability(Versioned):
    """A disability or condition recorded so the service can make adjustments for it.

    Distinct from `Person.disability`, which is the person's own answer to the equality
    monitoring question ("do you consider yourself disabled?", Equality Act 2010 s.6): someone
    may decline that question, or answer no, and still need large-print letters for dyslexia.
    The answer is theirs to give and is never derived from these records, nor these from it;
    the page shows both, side by side, so neither is keyed twice.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="disabilities")
    kind = models.CharField("Type", max_length=20, choices=c.DisabilityKind.choices)
    start_date = models.DateField("From")
    end_date = models.DateField("To", null=True, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    history = HistoricalRecords()

    objects = PeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name_plural = "disabilities"

    def __str__(self) -> str:
        return self.get_kind_display()


class Adjustment(models.Model):
    """What the service does because of a disability (the duty to make reasonable
    adjustments, Equality Act 2010 s.20)."""

    disability = models.ForeignKey(Disability, on_delete=models.CASCADE, related_name="adjustments")
    need = models.CharField("Adjustment", max_length=20, choices=c.AdjustmentNeed.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["disability", "need"], name="one_adjustment_per_need")
        ]

    def __str__(self) -> str:
        return self.get_need_display()
