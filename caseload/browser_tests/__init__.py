"""End-to-end tests: Debian's chromium driven by Playwright against pytest-django's live_server.

Every test here is marked `browser`; run them with `pytest -m browser` (see scripts/test).
"""
