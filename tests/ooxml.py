"""Run an Office Open XML validator (openxml-audit: the Open XML SDK's schema and
semantic rules, in pure Python) on a workbook we wrote, and fail on any error.

Warnings (such as "Excel will move inline strings to a shared-strings table on its next
save") are allowed: Excel opens such a file without a repair prompt.
"""

from __future__ import annotations

from pathlib import Path

from openxml_audit import OpenXmlValidator, ValidationSeverity


def ooxml_errors(path: Path) -> list[str]:
    """The validator's errors for ``path`` (empty when the package is valid)."""
    result = OpenXmlValidator(max_errors=50).validate(str(path))
    return [str(e) for e in result.errors if e.severity == ValidationSeverity.ERROR]


def assert_valid_ooxml(path: Path) -> None:
    errors = ooxml_errors(path)
    assert not errors, f"{path.name}: {len(errors)} error(s):\n" + "\n".join(errors[:20])
