"""Registers (Delius codes) with their review periods in months.

Source: the registration reference data of ministryofjustice/hmpps-manage-supervisions@408a47d6
(2022); the codes are also read by ministryofjustice/hmpps-tier@affac98a (`domain/Registrations.kt`)
and by ministryofjustice/hmpps-probation-integration-services (`assessment-summary-and-delius`).
`SPO`, `RVAD` and `PRC` are codes seen only in hmpps-tier; a review period of None means none is
known from these sources (not public), not that the register is never reviewed.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Register:
    code: str
    label: str
    group: str
    review_months: int | None


ROSH_CODES = ("RLRH", "RMRH", "RHRH", "RVHR")
MAPPA_CATEGORIES = ("M1", "M2", "M3", "M4")
MAPPA_LEVELS = ("M1", "M2", "M3")

REGISTERS: dict[str, Register] = {
    r.code: r
    for r in (
        Register("RLRH", "Low risk of serious harm", "Risk of harm", 6),
        Register("RMRH", "Medium risk of serious harm", "Risk of harm", 6),
        Register("RHRH", "High risk of serious harm", "Risk of harm", 6),
        Register("RVHR", "Very high risk of serious harm", "Risk of harm", 6),
        Register("RCHD", "Risk to children", "Risk of harm", 3),
        Register("REG15", "Risk to known adult", "Risk of harm", 6),
        Register("REG17", "Risk to public", "Risk of harm", 6),
        Register("AV2S", "Risk to staff", "Risk of harm", 6),
        Register("MAPP", "MAPPA", "Public protection", 3),
        Register("AVIS", "ViSOR", "Public protection", 6),
        Register("ARSO", "Registered sex offender", "Public protection", 3),
        Register("RTAO", "Terrorism Act offender", "Public protection", 6),
        Register("INLL", "Lifer or IPP", "Public protection", 12),
        Register("STRG", "Street gangs", "Public protection", None),
        Register("WEAP", "Weapons", "Public protection", 3),
        Register("IRMO", "Hate crime", "Public protection", 6),
        Register("SPO", "Stalking", "Public protection", None),
        Register("ADVP", "Domestic abuse perpetrator", "Domestic abuse", 3),
        Register("ADVV", "Domestic abuse victim", "Domestic abuse", 6),
        Register("REG30", "Domestic abuse history", "Domestic abuse", None),
        Register("IMAR", "MARAC", "Domestic abuse", 3),
        Register("RCCO", "Child concerns", "Safeguarding", 3),
        Register("RCPR", "Child protection", "Safeguarding", 3),
        Register("RVLN", "Vulnerable", "Safeguarding", None),
        Register("ALSH", "Suicide or self-harm", "Safeguarding", 6),
        Register("AMHL", "Mental health issues", "Safeguarding", 6),
        Register("RMDO", "Mentally disordered offender", "Safeguarding", 6),
        Register("RVAD", "Adult at risk", "Safeguarding", None),
        Register("RPIR", "Public interest case", "Alerts", 6),
        Register("IIOM", "Integrated offender management", "Alerts", 6),
        Register("APPO", "Prolific priority offender", "Alerts", 6),
        Register("WRSM", "Warrant or summons", "Alerts", 3),
        Register("PRC", "Probation Reset: two-thirds point reached", "Information", None),
    )
}

REGISTER_CHOICES = [(r.code, f"{r.label} ({r.code})") for r in REGISTERS.values()]
