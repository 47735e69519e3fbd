"""Each audit action's code, as stored, and what it means in plain English: one place.

A part that writes a new kind of audit entry (an action's `@case_action("NAME")` or a
`record_audit(user, "NAME")`) adds a line here; `tests/test_audit_actions.py` fails on any
code written in the source that is missing. `docs/glossary.md` lists them too.
"""

from collections.abc import Mapping
from dataclasses import dataclass

SUCCESS = "SUCCESS"
FAIL = "FAIL"
#: The sign-in entries' word for a refusal; read as FAIL is.
REFUSED = "REFUSED"

OUTCOMES: Mapping[str, str] = {SUCCESS: "Succeeded", FAIL: "Refused", REFUSED: "Refused"}

#: Where an entry came from (`AuditEvent.via`).
ORIGINS: Mapping[str, str] = {"page": "Web page", "api": "API", "cli": "Command line"}


@dataclass(frozen=True)
class AuditAction:
    """`done` completes "who …" for a success; `refused` for an attempt that was refused."""

    done: str
    refused: str


AUDIT_ACTIONS: Mapping[str, AuditAction] = {
    # Reads
    "VIEW_CASE": AuditAction("Viewed the case", "Tried to view the case (refused)"),
    "VIEW_HANDOVER": AuditAction(
        "Viewed the handover summary", "Tried to view the handover summary (refused)"
    ),
    "VIEW_CASE_FORM": AuditAction(
        "Opened a form to change the case", "Tried to open a form on the case (refused)"
    ),
    "VIEW_CASELOAD": AuditAction(
        "Viewed a list of cases", "Tried to view a list of cases (refused)"
    ),
    "VIEW_DIARY": AuditAction("Viewed their diary", "Tried to view their diary (refused)"),
    "READ_DIARY_FEED": AuditAction(
        "Their calendar feed was read", "Their calendar feed was tried (refused)"
    ),
    "SEARCH_CASES": AuditAction("Searched for cases", "Tried to search for cases (refused)"),
    "VIEW_AUDIT": AuditAction("Viewed the audit log", "Tried to view the audit log (refused)"),
    "EXPORT_AUDIT": AuditAction(
        "Exported the audit log", "Tried to export the audit log (refused)"
    ),
    "VIEW_WORKLOAD": AuditAction("Viewed a workload", "Tried to view a workload (refused)"),
    "EXPORT_WORKLOAD": AuditAction(
        "Exported a list of work that does not fit",
        "Tried to export a list of work that does not fit (refused)",
    ),
    "RECORD_WORKLOAD_REDUCTION": AuditAction(
        "Recorded a workload reduction", "Tried to record a workload reduction (refused)"
    ),
    "RECORD_ESTABLISHMENT": AuditAction(
        "Recorded a team's posts (establishment)", "Tried to record a team's posts (refused)"
    ),
    "EXPORT_WORKLOAD_EVIDENCE": AuditAction(
        "Exported the actual against agreed minutes",
        "Tried to export the actual against agreed minutes (refused)",
    ),
    "RECORD_STAFF_ABSENCE": AuditAction(
        "Recorded that a practitioner is away or leaving",
        "Tried to record that a practitioner is away or leaving (refused)",
    ),
    "ADD_WORKLOAD_NOTE": AuditAction(
        "Added a note to their week's list", "Tried to add a note to their week's list (refused)"
    ),
    "VIEW_RETURN": AuditAction("Viewed a return", "Tried to view a return (refused)"),
    "EXPORT_RETURN": AuditAction("Exported a return", "Tried to export a return (refused)"),
    # Writes to a case (each action's name)
    "CHANGE_CASE": AuditAction("Changed the case", "Tried to change the case (refused)"),
    "RECORD_CONTACT": AuditAction("Recorded a contact", "Tried to record a contact (refused)"),
    "RECORD_CIRCUMSTANCE": AuditAction(
        "Recorded a change of circumstances",
        "Tried to record a change of circumstances (refused)",
    ),
    "REGISTER_FLAG": AuditAction("Added a registration", "Tried to add a registration (refused)"),
    "DEREGISTER_FLAG": AuditAction("Ended a registration", "Tried to end a registration (refused)"),
    "REVIEW_REGISTRATION": AuditAction(
        "Reviewed a registration", "Tried to review a registration (refused)"
    ),
    "RECORD_ASSESSMENT": AuditAction(
        "Recorded an assessment", "Tried to record an assessment (refused)"
    ),
    "RECORD_TOOL_ASSESSMENT": AuditAction(
        "Recorded an ARMS or SARA", "Tried to record an ARMS or SARA (refused)"
    ),
    "RECORD_ROSH_SUMMARY": AuditAction(
        "Recorded risk of serious harm by audience",
        "Tried to record risk of serious harm by audience (refused)",
    ),
    "ALLOCATE_CASE": AuditAction("Allocated the case", "Tried to allocate the case (refused)"),
    "ARRANGE_APPOINTMENT": AuditAction(
        "Arranged an appointment", "Tried to arrange an appointment (refused)"
    ),
    "RESCHEDULE_APPOINTMENT": AuditAction(
        "Rescheduled an appointment", "Tried to reschedule an appointment (refused)"
    ),
    "CANCEL_APPOINTMENT": AuditAction(
        "Cancelled an appointment", "Tried to cancel an appointment (refused)"
    ),
    "RECORD_APPOINTMENT_OUTCOME": AuditAction(
        "Recorded the outcome of an appointment",
        "Tried to record the outcome of an appointment (refused)",
    ),
    "READ_HANDOVER": AuditAction(
        "Read the handover summary", "Tried to mark the handover summary read (refused)"
    ),
    "RECORD_ADDRESS": AuditAction("Added an address", "Tried to add an address (refused)"),
    "REQUEST_ENQUIRY": AuditAction(
        "Recorded a safeguarding enquiry requested",
        "Tried to record a safeguarding enquiry requested (refused)",
    ),
    "RECORD_ENQUIRY_RESPONSE": AuditAction(
        "Recorded the response to a safeguarding enquiry",
        "Tried to record the response to a safeguarding enquiry (refused)",
    ),
    "REQUEST_REPORT": AuditAction(
        "Recorded a report requested", "Tried to record a report requested (refused)"
    ),
    "COMPLETE_REPORT": AuditAction(
        "Recorded a report as completed", "Tried to record a report as completed (refused)"
    ),
    "RECORD_SENTENCE_PLAN": AuditAction(
        "Recorded a sentence plan", "Tried to record a sentence plan (refused)"
    ),
    "RECORD_RISK_MANAGEMENT_PLAN": AuditAction(
        "Recorded a risk management plan", "Tried to record a risk management plan (refused)"
    ),
    "RECORD_MANAGEMENT_OVERSIGHT": AuditAction(
        "Recorded management oversight", "Tried to record management oversight (refused)"
    ),
    "END_ADDRESS": AuditAction("Ended an address", "Tried to end an address (refused)"),
    "CHANGE_PHONE_AND_EMAIL": AuditAction(
        "Changed the phone and email", "Tried to change the phone and email (refused)"
    ),
    "ADD_PERSONAL_CONTACT": AuditAction(
        "Added a personal contact", "Tried to add a personal contact (refused)"
    ),
    "END_PERSONAL_CONTACT": AuditAction(
        "Removed a personal contact", "Tried to remove a personal contact (refused)"
    ),
    "RECORD_DISABILITY": AuditAction(
        "Added a disability and adjustments", "Tried to add a disability (refused)"
    ),
    "END_DISABILITY": AuditAction("Ended a disability", "Tried to end a disability (refused)"),
    "CHANGE_LANGUAGE_NEEDS": AuditAction(
        "Changed language and interpreter needs",
        "Tried to change language and interpreter needs (refused)",
    ),
    "RECORD_ENFORCEMENT_DECISION": AuditAction(
        "Recorded the decision on a failure to comply",
        "Tried to record the decision on a failure to comply (refused)",
    ),
    "RECORD_BREACH_PACK_SENT": AuditAction(
        "Recorded a breach pack sent to court", "Tried to record a breach pack sent (refused)"
    ),
    "RECORD_BREACH_OUTCOME": AuditAction(
        "Recorded the outcome of a breach", "Tried to record the outcome of a breach (refused)"
    ),
    "CONSIDER_RECALL": AuditAction(
        "Recorded that a recall is being considered", "Tried to consider a recall (refused)"
    ),
    "DECIDE_RECALL": AuditAction("Decided on a recall", "Tried to decide on a recall (refused)"),
    "COUNTERSIGN_RECALL": AuditAction(
        "Countersigned a recall decision", "Tried to countersign a recall decision (refused)"
    ),
    "RECORD_PART_A_SENT": AuditAction(
        "Recorded a recall's Part A sent to the Public Protection Casework Section",
        "Tried to record a recall's Part A sent (refused)",
    ),
    "SNOOZE_ESSENTIAL": AuditAction(
        "Snoozed an essential", "Tried to snooze an essential (refused)"
    ),
    "MARK_ESSENTIAL_NOT_APPLICABLE": AuditAction(
        "Marked an essential not applicable",
        "Tried to mark an essential not applicable (refused)",
    ),
    "END_ESSENTIAL_OVERRIDE": AuditAction(
        "Ended a snooze or not applicable on an essential",
        "Tried to end an override on an essential (refused)",
    ),
    # Accounts and administration
    "CREATE_API_TOKEN": AuditAction(
        "Created an API token", "Tried to create an API token (refused)"
    ),
    "REVOKE_API_TOKEN": AuditAction(
        "Revoked an API token", "Tried to revoke an API token (refused)"
    ),
    "CREATE_DIARY_FEED": AuditAction(
        "Made a calendar feed of their diary", "Tried to make a calendar feed (refused)"
    ),
    "REVOKE_DIARY_FEED": AuditAction(
        "Stopped a calendar feed of their diary", "Tried to stop a calendar feed (refused)"
    ),
    "ADMIN_ADD": AuditAction(
        "Added a record in administration", "Tried to add a record in administration (refused)"
    ),
    "ADMIN_CHANGE": AuditAction(
        "Changed a record in administration",
        "Tried to change a record in administration (refused)",
    ),
    "ADMIN_ADD_USER": AuditAction("Added a user", "Tried to add a user (refused)"),
    "ADMIN_CHANGE_USER": AuditAction("Changed a user", "Tried to change a user (refused)"),
    "ADMIN_DELETE_USER": AuditAction("Deleted a user", "Tried to delete a user (refused)"),
    "ADD_WORKLOAD_WEIGHTINGS": AuditAction(
        "Added a new version of a workload points table",
        "Tried to add a new version of a workload points table (refused)",
    ),
    "ADD_WORKLOAD_AGREEMENT": AuditAction(
        "Added a new version of the workload agreement",
        "Tried to add a new version of the workload agreement (refused)",
    ),
    "ADMIN_FORCE_PASSWORD_CHANGE": AuditAction(
        "Required a user to change their password at next sign-in",
        "Tried to require a user to change their password (refused)",
    ),
    "IMPORT_BATCH": AuditAction(
        "Imported a batch of records from another system",
        "Tried to import a batch of records (refused)",
    ),
    "ADMIN_PASSWORD_RESET_LINK": AuditAction(
        "Made a one-time link for a user to set their password",
        "Tried to make a one-time password link (refused)",
    ),
    "SIGN_IN": AuditAction("Signed in", "Tried to sign in (refused)"),
    "SIGN_IN_FAILED": AuditAction(
        "Failed to sign in", "Tried to sign in with a wrong username or password (refused)"
    ),
    "SIGN_IN_LOCKED_OUT": AuditAction(
        "Was locked out after repeated failed sign-ins",
        "Was locked out after repeated failed sign-ins (refused)",
    ),
    "SIGN_OUT": AuditAction("Signed out", "Tried to sign out (refused)"),
    "PASSWORD_CHANGED": AuditAction(
        "Changed their password", "Tried to change their password (refused)"
    ),
    # Limited access and data protection
    "ADD_LIMITED_ACCESS": AuditAction(
        "Added someone to the case's limited-access lists",
        "Tried to change the case's limited-access lists (refused)",
    ),
    "END_LIMITED_ACCESS": AuditAction(
        "Ended an entry on the case's limited-access lists",
        "Tried to end an entry on the case's limited-access lists (refused)",
    ),
    "SUBJECT_ACCESS_EXPORT": AuditAction(
        "Exported everything held about the person (subject access)",
        "Tried to export everything held about the person (refused)",
    ),
    "RETENTION_DELETE": AuditAction(
        "Deleted the case at the end of its retention period",
        "Tried to delete the case at the end of its retention period (refused)",
    ),
    "RETENTION_RUN": AuditAction(
        "Ran the deletion of closed cases past their retention period",
        "Tried to run the deletion of closed cases (refused)",
    ),
}


def is_refusal(outcome: str) -> bool:
    return outcome in (FAIL, REFUSED)


def describe(action: str, outcome: str) -> str:
    """For example "Viewed the case", or "Tried to view the case (refused)"; an unknown code
    as it is."""
    known = AUDIT_ACTIONS.get(action)
    if known is None:
        return f"{action} (refused)" if is_refusal(outcome) else action
    return known.refused if is_refusal(outcome) else known.done


def outcome_label(outcome: str) -> str:
    return OUTCOMES.get(outcome, outcome)


def action_choices() -> list[tuple[str, str]]:
    """For a filter: every code with its plain name, in alphabetical order of the name."""
    return sorted(((code, a.done) for code, a in AUDIT_ACTIONS.items()), key=lambda c: c[1])
