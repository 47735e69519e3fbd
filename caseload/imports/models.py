"""What an import has loaded, by the source's own keys: the record of a migration that makes
running it again (after an interruption, or twice) load nothing twice."""

from django.db import models


class ImportedKey(models.Model):
    """That the row with this external `ref` of this file was loaded, as which object.

    Only the facts keyed by a `ref` (contacts, appointments, registrations, ...) are kept
    here; the others are found by their own keys (a CRN, a username, a code). It also answers,
    for as long as it is kept, which row of the source system each object came from."""

    file = models.CharField(max_length=40)
    ref = models.CharField(max_length=64)
    object_id = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["file", "ref"], name="one_object_per_imported_ref")
        ]

    def __str__(self) -> str:
        return f"{self.file} {self.ref} → {self.object_id}"
