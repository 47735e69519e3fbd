"""`caseload bench` with no subject: the whole suite (`suite.py`).

Imported when it runs: the suite needs the development requirements (locust, psutil), which
`caseload bench SUBJECT` does not.
"""

from collections.abc import Mapping
from typing import Any

from caseload.core.bench import Writer, suite


@suite
def everything(options: Mapping[str, Any], write: Writer) -> None:
    from caseload.benchmarking.suite import run_suite

    run_suite(options, write)
