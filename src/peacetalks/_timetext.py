"""Reported times in words, for messages and the timeline: ``2025-03-18 (America/New_York)``."""

from __future__ import annotations

from peacetalks.times import ReportedTime, TimeRelation

__all__ = ["show_time"]

_OPEN_PHRASES = {
    TimeRelation.BY: "by {latest}",
    TimeRelation.BEFORE: "before {latest}",
    TimeRelation.UNTIL: "until {latest}",
    TimeRelation.AFTER: "after {earliest}",
    TimeRelation.SINCE: "since {earliest}",
}


def show_time(when: ReportedTime) -> str:
    """``when`` in a few words: its dates (or, unresolved, the source's words) and zone."""
    earliest, latest = when.earliest, when.latest
    if earliest is None and latest is None:
        return repr(when.words)
    if when.relation in _OPEN_PHRASES:
        text = _OPEN_PHRASES[when.relation].format(earliest=earliest, latest=latest)
    elif earliest == latest:
        text = str(earliest)
    elif latest is None:
        text = f"from {earliest}"
    elif earliest is None:
        text = f"up to {latest}"
    else:
        text = f"{earliest} to {latest}"
    if when.approximate:
        text = "about " + text
    if when.zone:
        text += f" ({when.zone})"
    return text
