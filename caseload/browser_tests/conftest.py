"""Browser-test harness: Debian chromium for Playwright, the `browser` marker, axe-core checks."""

import json
import os
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.test import Client
from playwright.sync_api import Page

# Playwright's sync API runs an event loop; Django refuses ORM calls inside one unless told.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

PACKAGE_DIR = Path(__file__).resolve().parent
AXE_JS = PACKAGE_DIR.parent.parent / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.path)).is_relative_to(PACKAGE_DIR):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


def axe_violations(page: Page) -> list[dict[str, Any]]:
    if not AXE_JS.exists():
        raise RuntimeError(f"{AXE_JS} is missing: run scripts/build-frontend (npm ci)")
    # Evaluated through the DevTools protocol, which the Content-Security-Policy does not
    # govern; a <script> tag added to the page would be refused as inline script.
    page.evaluate(AXE_JS.read_text())
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}}
    result = page.evaluate("options => axe.run(document, options)", options)
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def describe_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {json.dumps(node['target'])}" for node in violation["nodes"])
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    """Fail with a readable list if axe-core finds any WCAG 2.2 A/AA violation on the page."""
    violations = axe_violations(page)
    assert not violations, f"axe-core found problems on {page.url}:\n" + describe_violations(
        violations
    )


def sign_in(page: Page, live_server_url: str, user: AbstractBaseUser) -> None:
    """Give the browser a session for `user` without going through the sign-in form."""
    client = Client()
    client.force_login(user)
    session_cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": session_cookie.key, "value": session_cookie.value, "url": live_server_url}]
    )


WIDTHS = (1280, 320)


def assert_no_horizontal_scroll(page: Page) -> None:
    """WCAG 1.4.10 reflow: at the page's width nothing makes it scroll sideways (a wide table
    scrolls inside its own pane, `.app-scroll-pane`)."""
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if overflow > 0:
        widest = page.evaluate(
            """() => [...document.querySelectorAll('main *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)
                .slice(0, 5).map(e => e.tagName + '.' + e.className + ' #' + e.id)"""
        )
        raise AssertionError(f"{page.url} scrolls sideways by {overflow}px: {widest}")
