"""The public sources of the points model: GitHub repositories of the Ministry of Justice, at
the snapshots read. Every rule in this package names one of them beside it."""

HMPPS_WORKLOAD = "ministryofjustice/hmpps-workload@1e70153e"
WMT_WORKER = "ministryofjustice/wmt-worker@78f526bf"
WMT_WEB = "ministryofjustice/wmt-web@47d98ee1"
WMT_PROBATION_RULES = "ministryofjustice/wmt-probation-rules@daed1fee"
MANAGE_A_WORKFORCE_UI = "ministryofjustice/manage-a-workforce-ui@b37929d3"

#: The seed migration both services share the reference values with (production values are set
#: by administrators and are not public).
SEED_MIGRATION = f"{HMPPS_WORKLOAD} src/main/resources/db/migration/V1_1__SEED_REF_DATA.sql"
