"""Timestamps as the library stores them."""

from __future__ import annotations

from datetime import UTC, datetime


def now_iso() -> str:
    """The current time in UTC to the second, ISO 8601: "2026-12-01T09:30:00+00:00"."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()
