"""The audit trail of a run: the manifest, written beside the summary and kept in the
history.

A manifest is one JSON document that lets an auditor trace every figure: the tool and
its version; the round (body, year, period, run date, the input folder, the round
workbook and its SHA-256); the round's settings as read; the rules in force (bands and
their conditions, the score's cap, what counts as achieved…); every input file with its
SHA-256, size and fate; every unit's score and band; and for every indicator the cells
as judged (target, result, indicator, unit of measure, the direction given), the judge's
reading of target and result (``judge.audit``), the rule that gave its verdict, and the
verdict. ``qmo explain --round`` reads it back (``find_manifest``, ``find_indicator``).

It is written record by record, one input, unit or indicator per line (a province's
round holds hundreds of thousands of indicators), atomically, and the same bytes for the
same inputs; the bytes are hashed and compressed for the history as they are written.
"""

from __future__ import annotations

import hashlib
import json
import platform
import stat
import zlib
from collections.abc import Iterator
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from qmo_excel import __version__
from qmo_excel.fileio import atomic_path
from qmo_excel.model import IndicatorResult, RoundConfig, RoundResult
from qmo_excel.scoring import normal_code
from qmo_excel.vocab import Period

MANIFEST_FORMAT = 1
MARKER = "qmo_manifest"
NAMES = {"vi": "vet-kiem-tra-MTCL-{year}-{period}.json",
         "en": "MTCL-audit-{year}-{period}.json"}
ZLIB_LEVEL = 6


def manifest_name(result: RoundResult, lang: str = "vi") -> str:
    """Named as the summary is: vet-kiem-tra-MTCL-2023-nam.json, MTCL-audit-2023-year.json."""
    year = result.year or result.as_of.year
    period = Period.get(result.period)
    slug = period.slug if period is not None and lang != "en" else result.period
    return NAMES["en" if lang == "en" else "vi"].format(year=year, period=slug)


def _default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return str(value)


def _dump(value: Any, indent: str = "  ") -> str:
    text = json.dumps(value, ensure_ascii=False, indent=1, default=_default,
                      sort_keys=False)
    return text.replace("\n", "\n" + indent)


def file_sha256(path: Path) -> str:
    """The SHA-256 of a regular file ("" for anything else: a pipe is never opened)."""
    h = hashlib.sha256()
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return ""
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return ""
    return h.hexdigest()


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def rules_in_force(config: RoundConfig) -> dict[str, Any]:
    """The rules the round was judged, scored and banded by (codes and figures)."""
    r = config.rating
    return {
        "cap": config.cap,
        "bands": [
            {"band": "xuat_sac", "min_score": r.excellent, "every_assessed_achieved": True,
             "min_exceeded_share": r.exceeded_share},
            {"band": "tot", "min_score": r.good, "every_assessed_achieved": True},
            {"band": "hoan_thanh", "min_score": r.passing,
             "max_not_achieved_share": r.missed_share},
            {"band": "khong_hoan_thanh"},
        ],
        "bands_source": "Quy định 366-QĐ/TW (2025), Điều 11",
        "assessed": {"achieved": ["vuot", "dat"], "missed": ["khong_dat", "chua_co_so_lieu"],
                     "in_progress": "not_counted_in_a_part_year_round_else_missed",
                     "undetermined": "not_assessed",
                     "part_year_bands": "provisional"},
        "achieved": ["vuot", "dat"],
        "score": {"formula": "weighted_mean_of_capped_percent_of_plan", "scale": [0, 100],
                  "decimals": 1,
                  "without_percent_of_plan": {"vuot": config.cap, "dat": config.cap,
                                              "khong_dat": 0, "chua_co_so_lieu": 0,
                                              "dang_thuc_hien": "excluded",
                                              "khong_xac_dinh": "excluded"},
                  "self_assessed": "counts_by_verdict"},
        "percent_of_plan": {"higher_is_better": "result / target",
                            "lower_is_better": "target / result",
                            "decrease_by": "achieved decrease / target decrease"},
        "objective": "achieved_only_when_every_indicator_is",
        "town_objective": "achieved_only_when_every_assigned_indicator_in_every_unit_is",
        "undetermined": "self_assessment_used_and_marked",
        "task_overdue": "not_done_not_cancelled_and_due_before_cut_off",
        "task_done_late": "completed_after_due",
        "several_returns_of_a_unit": "latest_report_date_then_last_modified",
        "same_bytes": "duplicate_of_the_first_modified",
        "rejected": "file_or_structure_errors_only",
    }


def settings_of(config: RoundConfig) -> dict[str, Any]:
    data: dict[str, Any] = _default(config)
    data.pop("source", None)
    return data


def _inputs(result: RoundResult, folder: Path | None) -> Iterator[dict[str, Any]]:
    for e in result.intake:
        path = folder / e.file if folder is not None else None
        digest = e.sha256 or (file_sha256(path) if path is not None else "")
        yield {"file": e.file, "sha256": digest,
               "bytes": _size(path) if path is not None else None, "fate": e.status,
               "reason": e.reason, "unit_code": e.unit_code, "late": e.late,
               "unknown_unit": e.unknown_unit, "errors": e.errors, "warnings": e.warnings}


def _units(result: RoundResult) -> Iterator[dict[str, Any]]:
    for u in result.units:
        rec: dict[str, Any] = {"code": u.code, "name": u.name, "submitted": u.submitted,
                               "file": u.file, "score": u.score, "band": u.band,
                               "indicators": u.indicators}
        if u.band:
            rec.update({"provisional": u.provisional, "assessed": u.assessed,
                        "conditions": u.conditions, "held_back": u.held_back})
        yield rec


def indicator_record(i: IndicatorResult, period: str) -> dict[str, Any]:
    """The manifest's record of one indicator, its reading left out (see ``_write``)."""
    rec: dict[str, Any] = {
        "unit": i.unit_code, "objective": i.objective_code, "code": i.code, "row": i.row,
        "text": i.text, "unit_of_measure": i.unit_of_measure, "weight": i.weight,
        "target": i.target_text, "result": i.result_text, "period": period,
        "self_assessment": i.self_assessment, "verdict": i.verdict,
        "verdict_source": i.verdict_source, "rule": i.rule,
        "percent_of_plan": i.percent_of_plan, "confidence": i.confidence,
        "mismatch": i.self_assessment_mismatch,
    }
    if i.progress:
        rec["progress"] = i.progress
    if i.town_objective:
        rec["town_objective"] = i.town_objective
    return rec


@dataclass
class Written:
    path: Path
    sha256: str
    packed: bytes  # the same bytes, zlib-compressed (for the history)


class _Sink:
    """Writes text to a file while hashing and compressing its UTF-8 bytes."""

    def __init__(self, fh: TextIO) -> None:
        self.fh = fh
        self.sha = hashlib.sha256()
        self.zip = zlib.compressobj(ZLIB_LEVEL)
        self.chunks: list[bytes] = []

    def write(self, text: str) -> None:
        data = text.encode("utf-8")
        self.fh.write(text)
        self.sha.update(data)
        self.chunks.append(self.zip.compress(data))

    def finish(self) -> tuple[str, bytes]:
        self.chunks.append(self.zip.flush())
        return self.sha.hexdigest(), b"".join(self.chunks)


def head_of(result: RoundResult, config: RoundConfig, *, folder: Path | None,
            level: str = "town") -> dict[str, Any]:
    workbook = Path(config.source) if config.source else None
    return {
        MARKER: MANIFEST_FORMAT,
        "tool": {"name": "qmo", "version": __version__,
                 "python": platform.python_version()},
        "round": {"body": result.town, "level": level,
                  "year": result.year or result.as_of.year, "period": result.period,
                  "as_of": result.as_of, "deadline": result.deadline,
                  "cut_off": result.cut_off, "lang": result.lang,
                  "folder": str(folder) if folder is not None else None,
                  "round_workbook": None if workbook is None else {
                      "path": str(workbook), "sha256": file_sha256(workbook)}},
        "settings": settings_of(config),
        "rules": rules_in_force(config),
    }


def write_manifest(path: Path, result: RoundResult, config: RoundConfig, *,
                   folder: Path | None, level: str = "town") -> Written:
    """Write the manifest of ``result`` to ``path`` (atomically); its hash and packed
    bytes for the history."""
    head = head_of(result, config, folder=folder, level=level)
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as fh:
        sink = _Sink(fh)
        sink.write("{\n")
        for key, value in head.items():
            sink.write(f"  {json.dumps(key)}: {_dump(value)},\n")
        _list(sink, "inputs", _inputs(result, folder))
        sink.write(",\n")
        _list(sink, "units", _units(result))
        sink.write(",\n")
        sink.write('  "indicators": ')
        first = True
        for i in result.indicators:
            rec = _line(indicator_record(i, result.period))
            sink.write("[\n    " if first else ",\n    ")
            sink.write(f'{rec[:-1]}, "reading": {i.reading or "null"}}}')
            first = False
        sink.write("[]" if first else "\n  ]")
        sink.write("\n}\n")
        digest, packed = sink.finish()
    return Written(path, digest, packed)


def _line(rec: dict[str, Any]) -> str:
    """A record on one line (a province's round lists hundreds of thousands)."""
    return json.dumps(rec, ensure_ascii=False, default=_default)


def _list(sink: _Sink, key: str, records: Iterator[dict[str, Any]]) -> None:
    sink.write(f"  {json.dumps(key)}: ")
    first = True
    for rec in records:
        sink.write("[\n    " if first else ",\n    ")
        sink.write(_line(rec))
        first = False
    sink.write("[]" if first else "\n  ]")


# --------------------------------------------------------------------------- reading


class ManifestError(Exception):
    """No manifest where one was asked for, or not one of ours (``code``: ``none``,
    ``several``, ``unreadable``)."""

    def __init__(self, code: str, where: str, found: list[str] | None = None) -> None:
        self.code, self.where, self.found = code, where, found or []
        super().__init__(self.message("vi"))

    def message(self, lang: str = "vi") -> str:
        listed = ", ".join(self.found)
        if lang == "en":
            return {"none": f"No qmo audit manifest found in {self.where} (nor in its "
                            "output/ folder). Run qmo consolidate first.",
                    "several": f"Several manifests in {self.where}: {listed}. Name one.",
                    "unreadable": f"{self.where} is not a qmo audit manifest."}[self.code]
        return {"none": f"Không tìm thấy tệp vết kiểm tra của qmo trong {self.where} (kể cả "
                        "thư mục output/). Hãy chạy qmo consolidate trước.",
                "several": f"Có nhiều tệp vết kiểm tra trong {self.where}: {listed}. Hãy "
                           "chỉ rõ một tệp.",
                "unreadable": f"{self.where} không phải tệp vết kiểm tra của qmo."}[self.code]


def _is_manifest(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return f'"{MARKER}"'.encode() in fh.read(64)
    except OSError:
        return False


def find_manifest(where: Path) -> Path:
    """The manifest of a finished round: ``where`` itself, or the one manifest in that
    folder or in its ``output/`` or ``qmo-output/`` folder (raises ``ManifestError``)."""
    if where.is_file():
        if not _is_manifest(where):
            raise ManifestError("unreadable", str(where))
        return where
    for folder in (where, where / "output", where / "qmo-output"):
        if not folder.is_dir():
            continue
        found = sorted(p for p in folder.glob("*.json") if _is_manifest(p))
        if len(found) == 1:
            return found[0]
        if found:
            raise ManifestError("several", str(folder), [p.name for p in found])
    raise ManifestError("none", str(where))


def load_manifest(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ManifestError("unreadable", str(path)) from exc
    if not isinstance(data, dict) or MARKER not in data:
        raise ManifestError("unreadable", str(path))
    return data


def find_indicator(manifest: dict[str, Any], unit: str, indicator: str
                   ) -> list[dict[str, Any]]:
    """The indicator records of ``unit`` (code, any case) whose code is ``indicator``;
    else, for a code, the indicators of the objective of that code; else those whose
    text contains ``indicator``."""
    ucode = unit.strip().casefold()
    mine = [r for r in manifest.get("indicators", [])
            if str(r.get("unit", "")).casefold() == ucode]
    code = normal_code(indicator)
    exact = [r for r in mine if r.get("code") == code]
    if exact:
        return exact
    if code.replace(".", "").isalnum() and any(ch.isdigit() for ch in code) and len(code) < 9:
        return [r for r in mine if r.get("objective") == code]
    words = " ".join(indicator.split()).casefold()
    return [r for r in mine if words and words in " ".join(str(r.get("text", "")).split())
            .casefold()]
