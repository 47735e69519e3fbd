"""Reading Delius registrations into the flags the tier rules use.

Source: ministryofjustice/hmpps-tier@affac98a, src/main/kotlin/.../hmppstier/domain/
Registrations.kt and .../domain/enums/{Rosh,Mappa,ComplexityFactor,IomNominal}.kt, over the
Delius "tier details" mapping. Case sensitivity differs by code and is reproduced on purpose
(an anchor quirk): RoSH codes, complexity codes and the MAPPA level are compared
ignoring case; every other code, and the MAPPA category, must match exactly.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from caseload.tiering.domain.inputs import MappaCategory, MappaLevel, Registration, RoshLevel

HISTORIC_REGISTRATION = "HREG"
MAPPA = "MAPP"
IOM_NOMINAL = "IIOM"
LIFER_IPP = "INLL"
DOMESTIC_ABUSE_CODES = frozenset({"ADVP", "REG30"})
STALKING = "SPO"
CHILD_PROTECTION = "RCPR"
UNSUPERVISED_TWO_THIRDS = "PRC"

ROSH_BY_CODE: dict[str, RoshLevel] = {
    "RVHR": RoshLevel.VERY_HIGH,
    "RHRH": RoshLevel.HIGH,
    "RMRH": RoshLevel.MEDIUM,
    "RLRH": RoshLevel.LOW,
}

#: The ten v2 complexity registrations (ComplexityFactor.kt), worded as shown to practitioners.
COMPLEXITY_CODES: dict[str, str] = {
    "RMDO": "Mental health issues",
    "ALSH": "Attempted suicide or self-harm",
    "RVLN": "Vulnerability",
    "RCCO": "Child concerns",
    "RCPR": "Child protection",
    "RCHD": "Risk to children",
    "RPIR": "Public interest case",
    "RVAD": "Safeguarding: adult at risk",
    "STRG": "Street gangs",
    "RTAO": "Terrorism Act offender",
}


@dataclass(frozen=True)
class RegistrationFlags:
    """What the active (non-historic) registrations say, newest registration first."""

    rosh: RoshLevel | None
    mappa_level: MappaLevel | None
    mappa_category: MappaCategory | None
    complexity_codes: tuple[str, ...]
    iom_nominal: bool
    lifer_ipp: bool
    domestic_abuse: bool
    stalking: bool
    child_protection: bool
    unsupervised: bool


def newest_first(registrations: Iterable[Registration]) -> list[Registration]:
    """Drop `HREG` rows, then sort newest first, keeping list order for equal dates.

    Undated registrations go after dated ones, in list order (our convention).
    """
    active = [r for r in registrations if r.code != HISTORIC_REGISTRATION]
    dated = [r for r in active if r.registered_on is not None]
    undated = [r for r in active if r.registered_on is None]
    dated.sort(key=_registration_date, reverse=True)
    return dated + undated


def _registration_date(registration: Registration) -> date:
    return registration.registered_on or date.min


def read_registrations(registrations: Iterable[Registration]) -> RegistrationFlags:
    """Derive every registration flag the tier reads from one person's registrations."""
    ordered = newest_first(registrations)
    codes = {r.code for r in ordered}
    return RegistrationFlags(
        rosh=_rosh(ordered),
        mappa_level=_mappa_level(ordered),
        mappa_category=_mappa_category(ordered),
        complexity_codes=_complexity_codes(ordered),
        iom_nominal=IOM_NOMINAL in codes,
        lifer_ipp=LIFER_IPP in codes,
        domestic_abuse=bool(codes & DOMESTIC_ABUSE_CODES),
        stalking=STALKING in codes,
        child_protection=CHILD_PROTECTION in codes,
        unsupervised=UNSUPERVISED_TWO_THIRDS in codes,
    )


def _rosh(ordered: list[Registration]) -> RoshLevel | None:
    for registration in ordered:
        level = ROSH_BY_CODE.get(registration.code.upper())
        if level is not None:
            return level
    return None


def _mappa_level(ordered: list[Registration]) -> MappaLevel | None:
    """The newest MAPP row with a recognised level; rows without one are skipped (a quirk)."""
    for registration in ordered:
        if registration.code != MAPPA or registration.level is None:
            continue
        level = registration.level.upper()
        if level in MappaLevel.__members__:
            return MappaLevel(level)
    return None


def _mappa_category(ordered: list[Registration]) -> MappaCategory | None:
    """Only the newest MAPP row is read; older rows are never searched (a quirk)."""
    for registration in ordered:
        if registration.code == MAPPA:
            category = registration.category
            if category is not None and category in MappaCategory.__members__:
                return MappaCategory(category)
            return None
    return None


def _complexity_codes(ordered: list[Registration]) -> tuple[str, ...]:
    present = {r.code.upper() for r in ordered}
    return tuple(code for code in COMPLEXITY_CODES if code in present)
