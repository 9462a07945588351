"""The records of a validation: one ``FileReport`` per file, a ``ValidationReport`` for
all of them (what ``qmo validate`` prints and ``consolidate`` starts from).

A file's report carries its status, its problems, the return read from it (or only its
header, ``rows_kept=False``) and, for consolidation, its judged records (``scored``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from qmo_excel.model import UnitReturn
from qmo_excel.problems import PROBLEM_COLUMNS, Problem, sort_key
from qmo_excel.safetext import shown
from qmo_excel.scoring import Scored
from qmo_excel.vocab import in_lang

Status = Literal["valid", "invalid", "rejected", "ignored"]
# The CSV of a validation: a "file" record per file, a "problem" record per problem.
CSV_COLUMNS = ("record", *PROBLEM_COLUMNS[:2], "status", *PROBLEM_COLUMNS[2:])
STATUSES: tuple[Status, ...] = ("valid", "invalid", "rejected", "ignored")



@dataclass
class FileReport:
    rel: str
    path: str
    status: Status
    reason: str = ""
    unit_code: str = ""
    sha256: str = ""
    problems: list[Problem] = field(default_factory=list)
    unit_return: UnitReturn | None = None
    rows_kept: bool = True  # False: unit_return holds the header only (no rows)
    scored: Scored | None = None
    seconds: float = 0.0  # time spent inspecting the file (in its worker)

    def count(self, severity: str) -> int:
        return sum(1 for p in self.problems if p.severity == severity)

    @property
    def errors(self) -> int:
        return self.count("error")

    @property
    def warnings(self) -> int:
        return self.count("warning")

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        """The file's record (its problems are records of their own)."""
        return {"file": self.rel, "path": shown(self.path), "status": self.status,
                "reason": in_lang(self.reason, lang), "unit_code": self.unit_code,
                "sha256": self.sha256,
                "errors": self.errors, "warnings": self.warnings,
                "infos": self.count("info"), "seconds": round(self.seconds, 3)}


@dataclass
class ValidationReport:
    files: list[FileReport]

    @property
    def valid(self) -> bool:
        """True when no file has an error (warnings and infos are allowed)."""
        return all(f.status in ("valid", "ignored") for f in self.files)

    @property
    def problems(self) -> list[Problem]:
        return sorted((p for f in self.files for p in f.problems), key=sort_key)

    @property
    def stats(self) -> dict[str, int]:
        out = {"files": len(self.files)}
        for s in STATUSES:
            out[s] = sum(1 for f in self.files if f.status == s)
        probs = [p for f in self.files for p in f.problems]
        for sev, key in (("error", "errors"), ("warning", "warnings"), ("info", "infos")):
            out[key] = sum(1 for p in probs if p.severity == sev)
        return out

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        """One record per file with its status, and one record per problem."""
        return {"valid": self.valid, "stats": self.stats,
                "files": [f.to_dict(lang) for f in self.files],
                "problems": [p.to_dict(lang) for p in self.problems]}

    def to_rows(self, lang: str = "vi") -> list[list[str]]:
        """``CSV_COLUMNS`` rows: each file's record, then one record per problem of it."""
        out: list[list[str]] = []
        for f in self.files:
            out.append(["file", f.rel, f.unit_code, f.status, "", "", "", "", "", "",
                        in_lang(f.reason, lang)])
            for p in sorted(f.problems, key=sort_key):
                rec = p.to_dict(lang)
                out.append(["problem", *(str(rec[c]) for c in PROBLEM_COLUMNS[:2]),
                            f.status, *(str(rec[c]) for c in PROBLEM_COLUMNS[2:])])
        return out
