"""Field declarations the API's schemas share, so that the OpenAPI document bounds every input.

Text is length-limited and may not contain NUL: PostgreSQL cannot store it in a text column, and
Django's forms refuse it too ("Null characters are not allowed"). Lone surrogates are refused by
pydantic itself (`string_unicode`).
"""

from typing import Any

from ninja import Field

#: Any text without a NUL character.
NO_NUL = r"^[^\x00]*$"


def text(default: Any = ..., *, max_length: int, **kwargs: Any) -> Any:
    """A text field of at most `max_length` characters, without NUL."""
    return Field(default, max_length=max_length, pattern=NO_NUL, **kwargs)
