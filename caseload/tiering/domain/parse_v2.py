"""Reading a `"model": "v2"` input object into `TierV2Inputs` (the vector format).

`registrations` and `convictions` are mandatory: an absent list is not the same as an empty
one, and reading it as empty would silently drop MAPPA, RoSH or the mandate for change and
under-tier the person. Everything else follows the format's null conventions.
"""

from decimal import Decimal

from caseload.tiering.domain.inputs import (
    Assessment,
    Conviction,
    NeedSection,
    NeedSeverity,
    ProblemAnswer,
    Registration,
    Requirement,
    TierV2Inputs,
    WomensFactorAnswers,
    YesNoAnswer,
)
from caseload.tiering.domain.reader import ObjectReader, enum_value

OGRS_RANGE = (0, 100)


def read_v2(reader: ObjectReader) -> TierV2Inputs:
    registrations = reader.children("registrations", mandatory=True) or []
    convictions = reader.children("convictions", mandatory=True) or []
    assessment = reader.child("assessment")
    return TierV2Inputs(
        gender=reader.string("gender"),
        rsr_score=reader.decimal("rsr", minimum=Decimal(0)),
        ogrs_score=reader.integer("ogrs", minimum=OGRS_RANGE[0], maximum=OGRS_RANGE[1]),
        registrations=tuple(_registration(item) for item in registrations),
        convictions=tuple(_conviction(item) for item in convictions),
        assessment=None if assessment is None else _assessment(assessment),
        previous_enforcement_activity=reader.boolean("previous_enforcement_activity"),
    )


def _registration(reader: ObjectReader) -> Registration:
    return Registration(
        code=reader.string("code", mandatory=True) or "",
        level=reader.string("level"),
        category=reader.string("category"),
        registered_on=reader.iso_date("date"),
    )


def _conviction(reader: ObjectReader) -> Conviction:
    requirements = reader.children("requirements") or []
    return Conviction(
        sentence_type=reader.string("sentence_type"),
        terminated=reader.boolean("terminated"),
        requirements=tuple(
            Requirement(
                main_category=item.string("main_category", mandatory=True) or "",
                restrictive=item.boolean("restrictive"),
            )
            for item in requirements
        ),
    )


def _assessment(reader: ObjectReader) -> Assessment:
    needs: dict[NeedSection, NeedSeverity] = {}
    needs_reader = reader.child("needs")
    if needs_reader is not None:
        for key, value in needs_reader.data.items():
            path = needs_reader.path_of(str(key))
            section = enum_value(key, NeedSection, path, reader.problems)
            if section is None or value is None:
                continue
            severity = enum_value(value, NeedSeverity, path, reader.problems)
            if severity is not None:
                needs[section] = severity
    womens = reader.child("womens_factors")
    return Assessment(
        needs=needs,
        san_indicator=reader.boolean("sanIndicator"),
        womens_factors=WomensFactorAnswers() if womens is None else read_womens_answers(womens),
    )


def read_womens_answers(reader: ObjectReader) -> WomensFactorAnswers:
    """OASys 6.9, 11.2 and 11.4 answers; an absent or null answer is not answered."""
    return WomensFactorAnswers(
        parenting_responsibilities=reader.enum("parenting_responsibilities", YesNoAnswer),
        impulsivity=reader.enum("impulsivity", ProblemAnswer),
        temper_control=reader.enum("temper_control", ProblemAnswer),
    )
