"""Derived values: the pipeline that keeps every value computed from the record current.

Each part declares what it derives in its own `steps.py` (see `caseload.derived.registry`);
`caseload.derived.refresh` runs them inside the writing transaction and `caseload recompute`
runs them for everyone. Nothing outside this package knows the list of steps.
"""
