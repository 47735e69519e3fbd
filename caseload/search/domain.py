"""What a practitioner typed into the case search, read into the parts a case must match.

One box takes everything people search by: a name in any order or as the lists show it
("craig begum", "Begum, Craig"), part of a name, a CRN or any part of one ("X701190", "701190",
"y7011"), a PNC number ("2001/0123456A" or "01/123456A") and a date of birth in the usual UK
forms ("3/4/1990", "03/04/1990", "3 April 1990", "3 Apr 1990", "1990-04-03"). Every part found
must match; parts of a name may match the first or the last name.

PNC numbers follow the Police National Computer's conventions (as in the Home Office's PNC user
manual and MoJ systems that read them): the year the record was created, as 2 or 4 digits, a
slash, a serial number of up to 7 digits whose leading zeros may be left out, and a check
letter. So "2001/0123456A", "2001/123456A", "01/0123456A" and "01/123456A" are one number. The
check letter is not verified here: a mistyped letter finds nothing, which is the right answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MAX_QUERY_LENGTH = 100

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

_NUMERIC_DATE = re.compile(r"(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\w/.-])")
_ISO_DATE = re.compile(r"(?<![\w/.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w/.-])")
_WORDED_DATE = re.compile(r"(?<![\w])(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})(?![\w])", re.I)
_PNC = re.compile(r"(?<![\w/])(\d{2}|\d{4})/(\d{1,7})([a-z])(?![\w/])", re.I)
_SHORT_YEAR_DATE = re.compile(r"(?<![\w/.-])\d{1,2}([/.-])\d{1,2}\1\d{2}(?![\w/.-])")
_CRN_PART = re.compile(r"^[a-z]?\d{1,6}$", re.I)
_SEPARATORS = re.compile(r"[\s,]+")


class QueryInvalid(ValueError):
    """The query cannot be searched for; the message says why, in the user's words, and
    `rule` names the rule for the API ("missing", "too_long", "real_date", "year_digits")."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule


@dataclass(frozen=True)
class PncNumber:
    """A PNC number read as its parts: `year` as typed (2 or 4 digits), `serial` without its
    leading zeros, the check `letter` in capitals."""

    year: str
    serial: int
    letter: str

    @property
    def short_year(self) -> str:
        return self.year[-2:]

    def spellings(self) -> tuple[str, ...]:
        """Every way the same number may have been recorded, in capitals.

        A 2-digit year may stand for either century, so both 4-digit years are included."""
        years = {self.short_year}
        if len(self.year) == 4:
            years.add(self.year)
        else:
            years.update({f"19{self.year}", f"20{self.year}"})
        serials = {str(self.serial), f"{self.serial:07d}"}
        return tuple(sorted(f"{y}/{s}{self.letter}" for y in years for s in serials))


@dataclass(frozen=True)
class CaseQuery:
    """The parts of a search. `names`: lower-case parts of a name, each to be found in the
    first or last name; `crn_parts`: capitalised parts of a CRN; `born_on`: a date of birth."""

    text: str
    names: tuple[str, ...] = ()
    crn_parts: tuple[str, ...] = ()
    pnc: PncNumber | None = None
    born_on: date | None = None


def _real_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _take_date(text: str) -> tuple[date | None, str]:
    """The first date of birth in the text and the text without it; `QueryInvalid` for one
    that is not a real date ("31/2/1990") or has a 2-digit year (which century is a guess)."""
    for pattern, order in ((_ISO_DATE, "ymd"), (_NUMERIC_DATE, "dmy"), (_WORDED_DATE, "dMy")):
        match = pattern.search(text)
        if match is None:
            continue
        if order == "ymd":
            found = _real_date(int(match[1]), int(match[2]), int(match[3]))
        elif order == "dmy":
            found = _real_date(int(match[4]), int(match[3]), int(match[1]))
        else:
            month = MONTHS.get(match[2].lower())
            if month is None:
                continue
            found = _real_date(int(match[3]), month, int(match[1]))
        if found is None:
            raise QueryInvalid("real_date", f"{match[0]} is not a real date of birth")
        return found, text[: match.start()] + " " + text[match.end() :]
    short = _SHORT_YEAR_DATE.search(text)
    if short is not None:
        raise QueryInvalid(
            "year_digits", f"The year in {short[0]} must include 4 numbers, for example 3/4/1990"
        )
    return None, text


def parse_query(text: str) -> CaseQuery:
    """Read a search; raises `QueryInvalid` for an empty or too long one."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise QueryInvalid("missing", "Enter a name, CRN, PNC number or date of birth")
    if len(cleaned) > MAX_QUERY_LENGTH:
        raise QueryInvalid("too_long", f"Search must be {MAX_QUERY_LENGTH} characters or fewer")
    rest = cleaned
    pnc = None
    match = _PNC.search(rest)
    if match is not None:
        pnc = PncNumber(match[1], int(match[2]), match[3].upper())
        rest = rest[: match.start()] + " " + rest[match.end() :]
    born_on, rest = _take_date(rest)
    names: list[str] = []
    crn_parts: list[str] = []
    for token in _SEPARATORS.split(rest):
        token = token.strip('.;:"()')
        if not token:
            continue
        if _CRN_PART.match(token):
            crn_parts.append(token.upper())
        else:
            names.append(token.lower())
    return CaseQuery(
        text=cleaned,
        names=tuple(dict.fromkeys(names)),
        crn_parts=tuple(dict.fromkeys(crn_parts)),
        pnc=pnc,
        born_on=born_on,
    )
