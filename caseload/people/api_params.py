"""Path parameters every case operation shares."""

from typing import Annotated

from ninja import Path

from caseload.people.models import crn_validator

#: The `{crn}` path parameter of every case operation; a malformed CRN is a 422.
Crn = Annotated[
    str,
    Path(
        pattern=crn_validator.regex.pattern,
        description="Case reference number: one capital letter and six digits, e.g. X123456",
    ),
]
