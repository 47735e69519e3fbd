"""The seed writes exactly the same rows for a given seed and time, however it writes them: a
digest of every seeded table, compared with the one taken before the seed was made faster."""

import hashlib
import json
from datetime import UTC, datetime, timedelta

import pytest
from django.apps import apps
from django.db import models

from caseload.demo.seed import seed_delivery_unit

SEEDED_APPS = (
    "auth",
    "organisation",
    "people",
    "contacts",
    "risk",
    "enforcement",
    "safeguarding",
    "plans",
    "diary",
    "access",
)
#: Written by the clock or a random salt, not by the seed.
UNSEEDED = {"history_id", "history_date", "password", "date_joined", "last_login"}
#: Added after the digests were taken, each from its own generator: checked on their own below,
#: so that the digests show every earlier figure is still drawn as it was.
ADDED_SINCE = {"actual_minutes"}
NOW = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)
#: Taken from the seed as it was before it was made faster (rows, digest).
UNIT = {
    "auth.User": "6 874dd182a0fd9b3a",
    "organisation.Region": "1 1edba1fb9b285c01",
    "organisation.DeliveryUnit": "1 b9725619049e123f",
    "organisation.Team": "1 05c1935c715cd773",
    "organisation.HistoricalStaff": "6 b39961b72d93fe09",
    "organisation.Staff": "6 44ad0dd4a68a2735",
    "organisation.HistoricalAllocation": "200 1f0c47d9c6731229",
    "organisation.Allocation": "200 2c993b8c61e2305f",
    "people.HistoricalPerson": "200 fc1a787b515c9e76",
    "people.Person": "200 c3bb44ee5711e65a",
    "people.HistoricalCriminalHistory": "200 bda7a4babbabc252",
    "people.CriminalHistory": "200 424ca77a5f153783",
    "people.HistoricalEvent": "200 2f59ca7561680585",
    "people.Event": "200 84f6bf275020c305",
    "people.HistoricalSentence": "200 ef5d65df4c660bf2",
    "people.Sentence": "200 ffb1f25725d09896",
    "people.HistoricalRequirement": "196 b0832ed99c61e6cc",
    "people.Requirement": "196 40600a4a1066568e",
    "people.HistoricalLicenceCondition": "84 51de1a60724f8b8a",
    "people.LicenceCondition": "84 7ae1afb652725171",
    "people.HistoricalCircumstance": "400 d33295d247e51684",
    "people.Circumstance": "400 507618298e3dc5b9",
    "people.HistoricalAddress": "300 1db405a4c0844834",
    "people.Address": "300 5213228922c25bd6",
    "people.HistoricalPhoneAndEmail": "200 5d37ae69315cdb7d",
    "people.PhoneAndEmail": "200 680ab981aeb96e41",
    "people.HistoricalPersonalContact": "343 e5c8bc2b56aea979",
    "people.PersonalContact": "343 51b44a1665fa1ac3",
    "people.HistoricalDisability": "50 3fcffdb301ea808d",
    "people.Disability": "50 54b1735ac7dac1f3",
    "people.HistoricalAdjustment": "84 a95bc4a155b23972",
    "people.Adjustment": "84 b3f3cd31625f79e1",
    "contacts.HistoricalContact": "5336 3dae261a9e0fd9ea",
    "contacts.Contact": "5336 19449064ac6b98b3",
    "risk.HistoricalRegistration": "352 a9536c96b46567ff",
    "risk.Registration": "352 914ab8bfc00e1508",
    "risk.HistoricalRegistrationReview": "321 dadff41811007d13",
    "risk.RegistrationReview": "321 28cbbdf9d05386e6",
    "risk.HistoricalAssessment": "151 7a8a744d9cd9a536",
    "risk.Assessment": "151 0c088d674c663dee",
    "risk.HistoricalRoshSummary": "269 7483f1172f96d0d2",
    "risk.RoshSummary": "269 188f71780873301d",
    "safeguarding.HistoricalEnquiry": "458 374afad01ad8bbcc",
    "safeguarding.Enquiry": "458 38c111d1256dc4e3",
    "plans.HistoricalSentencePlan": "350 ed05654d7a51d8be",
    "plans.SentencePlan": "350 0f21b880d8e8d1dc",
    "plans.HistoricalRiskManagementPlan": "125 d7606f10f5173714",
    "plans.RiskManagementPlan": "125 f0ed86e4e7eb0307",
    "plans.HistoricalManagementOversight": "428 a77180650642160b",
    "plans.ManagementOversight": "428 da386f972e7e4f12",
    "enforcement.HistoricalBreach": "41 dea18884645188e5",
    "enforcement.Breach": "41 d70f79606c3acabb",
}
DEMO_UNIT = {
    "auth.User": "12 579881c2fc01365f",
    "organisation.Region": "1 1edba1fb9b285c01",
    "organisation.DeliveryUnit": "1 33a9b93b021cb36b",
    "organisation.Team": "1 3e75e2ecb5d64489",
    "organisation.HistoricalStaff": "12 4f50320677133095",
    "organisation.Staff": "12 91a73902fac4622f",
    "organisation.HistoricalAllocation": "150 1eb57cdef2d5d715",
    "organisation.Allocation": "150 2c2c2ef15e8888e7",
    "people.HistoricalPerson": "150 f5e0c39047dc1626",
    "people.Person": "150 0f7814ba574207aa",
    "people.HistoricalCriminalHistory": "150 5a9649fb02b3bdc4",
    "people.CriminalHistory": "150 909fa1474b4ffd12",
    "people.HistoricalEvent": "150 fee2091993d0545d",
    "people.Event": "150 1119d43f679a0b37",
    "people.HistoricalSentence": "150 abcd3db59ef52d38",
    "people.Sentence": "150 b461abd1f0d4e83e",
    "people.HistoricalRequirement": "131 2eb42c2931b5d549",
    "people.Requirement": "131 664c511b2f56ce81",
    "people.HistoricalLicenceCondition": "69 bb138041a1892920",
    "people.LicenceCondition": "69 7fb514c8a0ec0eb1",
    "people.HistoricalCircumstance": "300 8e450a9bdc9d0962",
    "people.Circumstance": "300 ceb652f42a89dd9c",
    "people.HistoricalAddress": "216 218e6add4065313b",
    "people.Address": "216 34e93e528afca6d4",
    "people.HistoricalPhoneAndEmail": "150 912532b2d4dec1e6",
    "people.PhoneAndEmail": "150 8b2b8d1f5853740a",
    "people.HistoricalPersonalContact": "260 0715fc202a347b6b",
    "people.PersonalContact": "260 4b61cf26a2740ff0",
    "people.HistoricalDisability": "29 31069161f387d2af",
    "people.Disability": "29 539bda045d0e1067",
    "people.HistoricalAdjustment": "51 d2be696609d71e88",
    "people.Adjustment": "51 6bc7773c5c4d711f",
    "contacts.HistoricalContact": "4498 56c81b9a4de5e276",
    "contacts.Contact": "4498 4e2fb6528a9dc48b",
    "diary.HistoricalAppointmentSeries": "83 c294a5e9269f6f1c",
    "diary.AppointmentSeries": "83 7bf3eda08fe713ab",
    "diary.HistoricalAppointment": "150 460026a4cbd2733a",
    "diary.Appointment": "150 16fcdeb5b2e6d058",
    "risk.HistoricalRegistration": "264 a3d06e3368d40ba6",
    "risk.Registration": "264 454054a9d3588b06",
    "risk.HistoricalRegistrationReview": "239 4b490662b8d322b6",
    "risk.RegistrationReview": "239 3310733e60c26963",
    "risk.HistoricalAssessment": "115 7b79e223e920cc6a",
    "risk.Assessment": "115 77ea04f0debe68cf",
    "risk.HistoricalRoshSummary": "182 5d0ce309ed2be926",
    "risk.RoshSummary": "182 e407b9ecc8e12de8",
    "safeguarding.HistoricalEnquiry": "355 8a83e53279619408",
    "safeguarding.Enquiry": "355 252e4a1fb9e42533",
    "plans.HistoricalSentencePlan": "288 5919288a7ffd3e92",
    "plans.SentencePlan": "288 33896d2106f6813f",
    "plans.HistoricalRiskManagementPlan": "93 c358d0c3c91a1be7",
    "plans.RiskManagementPlan": "93 6cc144f43a033fcc",
    "plans.HistoricalManagementOversight": "335 4afd63caa0a98b5d",
    "plans.ManagementOversight": "335 89db0d6564def0e4",
    "enforcement.HistoricalBreach": "44 2575bfddf60e3e38",
    "enforcement.Breach": "44 aba6d848fe311f34",
    "enforcement.HistoricalRecallConsideration": "1 9455a383ccde2c41",
    "enforcement.RecallConsideration": "1 0d934d1725f57bce",
    "access.HistoricalLimitedAccess": "3 e2d38cf071054b88",
    "access.LimitedAccess": "3 1f86a3315c90b95d",
}


def _stamped(model: type[models.Model]) -> set[str]:
    """The fields a model's rows (and their history rows) take from the clock."""
    return {
        f.name
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    }


def _cell(value: object) -> str:
    """A value as text; JSON with its keys in order (PostgreSQL's jsonb keeps its own order)."""
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, default=str)
    return repr(value)


def _fingerprint() -> dict[str, str]:
    """Each seeded table's digest, its rows in key order, keys as positions in their table so
    that the digest does not depend on what keys the database handed out."""
    seeded = [
        m
        for m in apps.get_models()
        if m._meta.app_label in SEEDED_APPS and m._meta.label != "auth.Permission"
    ]
    position = {
        m: {pk: i for i, pk in enumerate(m.objects.order_by("pk").values_list("pk", flat=True))}
        for m in seeded
    }
    digests = {}
    for model in seeded:
        #: A history row's `id` is the key of the row it records.
        recorded = getattr(model, "instance_type", None)
        unseeded = UNSEEDED | ADDED_SINCE | _stamped(recorded or model)
        fields = [f for f in model._meta.concrete_fields if f.name not in unseeded]
        digest = hashlib.sha256()
        for row in model.objects.order_by("pk").values_list(*(f.attname for f in fields)):
            cells = []
            for f, value in zip(fields, row, strict=True):
                if f.primary_key:
                    value = position[model][value]
                elif f.is_relation and value is not None:
                    value = position.get(f.related_model, {}).get(value, value)
                elif recorded is not None and f.name == recorded._meta.pk.name:
                    value = position[recorded].get(value, value)
                cells.append(_cell(value))
            digest.update(("|".join(cells) + "\n").encode())
        digests[model._meta.label] = f"{model.objects.count()} {digest.hexdigest()[:16]}"
    return {k: v for k, v in digests.items() if not v.startswith("0 ")}


@pytest.mark.django_db
def test_a_seed_writes_the_same_rows_as_before_it_was_made_faster():
    seed_delivery_unit(people=200, seed=3, now=NOW)
    assert _fingerprint() == UNIT


@pytest.mark.django_db
def test_the_demo_seed_writes_the_same_rows_as_before_it_was_made_faster():
    seed_delivery_unit(people=150, seed=9, demo_users=True, password="a demo password", now=NOW)
    assert _fingerprint() == DEMO_UNIT


@pytest.mark.django_db
def test_the_demo_records_the_minutes_spent_on_a_share_of_recent_contacts_and_has_vacancies():
    from statistics import median

    from caseload.contacts.models import Contact
    from caseload.workload.models import EstablishmentPosts

    seed_delivery_unit(people=150, seed=9, demo_users=True, password="a demo password", now=NOW)
    timed = list(Contact.objects.filter(actual_minutes__isnull=False))
    recent = Contact.objects.filter(happened_at__gte=NOW - timedelta(weeks=12)).count()
    assert 0.3 * recent < len(timed) < 0.5 * recent
    assert all(1 <= c.actual_minutes <= 600 for c in timed)
    office = [c.actual_minutes for c in timed if c.contact_type == "COAP"]
    assert len(office) >= 10 and median(office) > 60  # agreed 45 + 15; recorded run longer
    assert all(c.history.get().actual_minutes == c.actual_minutes for c in timed[:20])
    posts = EstablishmentPosts.objects.in_force(NOW.date())
    assert sum(row.posts for row in posts.values()) > 0
    assert EstablishmentPosts.objects.count() == 2 * len(posts)
