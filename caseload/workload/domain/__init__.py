"""The workload points model of the national tools, exactly, and the workload agreement.

Pure: no Django. Each module holds one part of the model, with the public source of every
figure and rule beside it:

- `sources.py`: the public repositories the rules are read from;
- `case_points.py`: points per case by tier and case type (and the T2A table);
- `points.py`: a practitioner's total points (cases, reports, CMS contacts) and the batch's
  per-tier sum with its inactive-case subtraction, with the legacy ARMS and PAROM terms;
- `grades.py`: nominal targets and default contracted hours by grade, both services' rules;
- `reductions.py`: reduction reasons, allowance hours, which reductions count;
- `capacity.py`: available points, capacity, potential capacity and display rounding;
- `agreement.py`: the workload agreement (task timings in minutes) and `agreed_minutes`;
- `calculator.py`: the calculator's kinds (`caseload workload calculate`), one function each.

Two services compute capacity and they differ in small ways: the real-time service
(hmpps-workload, Kotlin, exact decimals) and the WMT nightly batch (wmt-worker, JavaScript,
IEEE doubles). Functions for the batch are named `wmt_...` and compute in floats on purpose, so
that a unit's figures match the national tool's to the last truncation.
"""
