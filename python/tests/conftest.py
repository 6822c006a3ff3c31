"""Under ``API_ERRORS_NO_SKIPS=1`` (CI, nox, npm test) a skipped test is a failure: every optional
library the suite can use (servers, integrations, drf-spectacular) must be installed there."""
import os

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("API_ERRORS_NO_SKIPS") == "1":
        report.outcome = "failed"
        report.longrepr = "skipped where every test must run (API_ERRORS_NO_SKIPS=1): %s" % (report.longrepr,)
