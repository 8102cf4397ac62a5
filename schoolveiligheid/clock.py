"""The build's notion of 'now': SOURCE_DATE_EPOCH when set (reproducible builds), else the real clock."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from .errors import BuildFailed


def pinned_moment() -> datetime | None:
    """The moment SOURCE_DATE_EPOCH names, or None when it is not set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    if not epoch.isdigit():
        raise BuildFailed(
            f"SOURCE_DATE_EPOCH is geen aantal seconden: {epoch!r}", "gebruik bijvoorbeeld 1767225600"
        )
    return datetime.fromtimestamp(int(epoch), tz=UTC)


def today() -> date:
    """The date checks and documents use: pinned by SOURCE_DATE_EPOCH, else today."""
    moment = pinned_moment()
    return moment.date() if moment else date.today()
