"""Confidence levels, kinds and the small shared vocabulary of the judge."""

from __future__ import annotations

CERTAIN = "certain"
LIKELY = "likely"
UNCERTAIN = "uncertain"
_ORDER = {CERTAIN: 2, LIKELY: 1, UNCERTAIN: 0}

KINDS = (
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "range",
    "exact",
    "ratio",
    "decrease_by",
    "increase_by",
    "qualitative",
    "composite",
    "unknown",
)
CHANGE_KINDS = ("decrease_by", "increase_by")


def weakest(*levels: str) -> str:
    """The weakest of some confidence levels (certain > likely > uncertain)."""
    present = [lv for lv in levels if lv]
    if not present:
        return CERTAIN
    return min(present, key=lambda lv: _ORDER.get(lv, 0))
