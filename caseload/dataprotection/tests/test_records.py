"""What is held about a person is found from the relations, not from a list kept by hand."""

from django.apps import apps
from django.db import connection, models
from django.test.utils import CaptureQueriesContext

from caseload.contacts.models import Contact
from caseload.dataprotection.records import held_ids, held_models, history_rows
from caseload.people.models import Person
from caseload.testing.factories import case_held_by


def _is_history(model: type[models.Model]) -> bool:
    return hasattr(model, "instance_type")  # django-simple-history's historical models


def test_every_model_that_points_at_something_held_is_held():
    """Found independently of the walk, from each model's own foreign keys: a new table that
    points at a person (or at a record of theirs) is held, or this test names it."""
    pointing: set[type[models.Model]] = {Person}
    grown = True
    while grown:
        before = len(pointing)
        pointing |= {
            model
            for model in apps.get_models()
            if not _is_history(model)
            and any(f.is_relation and f.related_model in pointing for f in model._meta.fields)
        }
        grown = len(pointing) > before
    held = {h.model for h in held_models()}
    assert sorted(m._meta.label for m in pointing - held) == []


def test_every_held_model_that_keeps_history_has_its_history_table():
    for held in held_models():
        keeps = hasattr(held.model, "history")
        assert (held.history is not None) == keeps, held.label


def test_the_person_comes_first_and_each_record_follows_what_it_belongs_to():
    order = [h.label for h in held_models()]
    assert order[0] == "people.person"
    assert order.index("people.event") < order.index("people.sentence")
    assert order.index("people.sentence") < order.index("people.requirement")


def test_the_history_of_a_deleted_record_is_still_found(full_case):
    contact = Contact.objects.filter(person=full_case).first()
    contact_id = contact.pk
    contact.delete()
    ids = held_ids([full_case.pk])
    assert contact_id in ids[Contact]
    held = next(h for h in held_models() if h.model is Contact)
    types = set(history_rows(held, {contact_id}).values_list("history_type", flat=True))
    assert types == {"+", "-"}


def test_nothing_of_another_person_is_held(full_case, practitioner):
    other = case_held_by(practitioner)
    ids = held_ids([full_case.pk])
    assert other.pk not in ids[Person]
    assert not Contact.objects.filter(pk__in=ids[Contact]).exclude(person=full_case).exists()


def test_finding_what_is_held_takes_the_same_queries_however_much_is_held(full_case):
    with CaptureQueriesContext(connection) as few:
        held_ids([full_case.pk])
    for contact in Contact.objects.filter(person=full_case):
        contact.pk = None
        contact.save()
    with CaptureQueriesContext(connection) as many:
        held_ids([full_case.pk])
    assert len(many) == len(few)
