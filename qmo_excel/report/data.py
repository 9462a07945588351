"""The report's data: what ``qmo report`` needs to write the document again without
reading the returns, kept beside it by ``qmo consolidate``.

A JSON file in the export's format (``export.COLUMNS``), holding only what the report
reads: the intake (fates), the missing units, the units, the town's objectives, and the
units' objectives and indicators the report lists when the town's are missing. A full JSON export
(``--export-json``) is read the same way. ``KIND`` marks the file so a folder can be
searched for it.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from qmo_excel.export import export_records, from_export_dict, to_export_dict_head
from qmo_excel.fileio import atomic_path
from qmo_excel.model import RoundResult
from qmo_excel.report.content import file_stem
from qmo_excel.report.objectives import MAX_FALLBACK_ROWS
from qmo_excel.summary.narrative_trends import trend_paragraphs
from qmo_excel.vocab import Words

KIND = "qmo-report-data"
VERSION = 1
PATTERNS = ("du-lieu-bao-cao-MTCL-*.json", "MTCL-report-data-*.json")


class DataError(Exception):
    """No report data where it was looked for, or a file that is not report data."""

    def message(self, lang: str = "vi") -> str:
        text = self.args[0]
        return text.pick(lang) if isinstance(text, Words) else str(text)


def data_name(result: RoundResult, lang: str = "vi") -> str:
    """'du-lieu-bao-cao-MTCL-2023-nam.json' beside the report."""
    return f"{file_stem(result, lang, 'du-lieu-bao-cao-MTCL', 'MTCL-report-data')}.json"


def to_data(result: RoundResult) -> dict[str, Any]:
    """The export's records of what the report reads: every unit (without the conditions
    of every band: what held it back is kept), the town's objectives, and the units'
    objectives and indicators the report lists when the town's are missing."""
    listed = result.objectives[:MAX_FALLBACK_ROWS]
    cited = {(o.unit_code, o.code) for o in listed}
    data: dict[str, Any] = {"kind": KIND, "version": VERSION,
                            "round": to_export_dict_head(result)["round"]}
    for table in ("intake", "missing_units", "town_objectives"):
        data[table] = list(export_records(result, table))
    data["units"] = [{k: v for k, v in rec.items() if k != "conditions"}
                     for rec in export_records(result, "units")]
    data["objectives"] = list(export_records(replace(result, objectives=listed),
                                             "objectives"))
    data["indicators"] = [rec for rec in export_records(result, "indicators")
                          if (rec["unit_code"], rec["objective_code"]) in cited]
    if result.trends is not None:  # what changed since the earlier rounds (issue 20)
        data["trends"] = {lang: trend_paragraphs(result, lang) for lang in ("vi", "en")}
    return data


def saved_trends(path: Path, lang: str = "vi") -> list[str]:
    """The paragraphs on what changed that the data file keeps (none when it has none)."""
    try:
        saved = json.loads(path.read_text(encoding="utf-8")).get("trends") or {}
    except (OSError, ValueError, AttributeError):
        return []
    return [str(p) for p in saved.get("en" if lang == "en" else "vi", [])]


def write_data(result: RoundResult, path: str | Path) -> Path:
    """Write the report's data of ``result`` to ``path`` (atomically)."""
    target = Path(path)
    text = json.dumps(to_data(result), ensure_ascii=False, separators=(",", ":"))
    with atomic_path(target) as tmp:
        tmp.write_text(text + "\n", encoding="utf-8")
    return target


def read_data(path: str | Path) -> RoundResult:
    """A ``RoundResult`` from report data or a JSON export."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise DataError(Words(f"Không đọc được dữ liệu báo cáo “{p}” ({type(exc).__name__}).",
                              f"Cannot read the report data “{p}” "
                              f"({type(exc).__name__}).")) from None
    if not isinstance(data, dict) or "round" not in data or "units" not in data:
        raise DataError(Words(f"“{p.name}” không phải dữ liệu báo cáo của qmo (tệp "
                              f"du-lieu-bao-cao-MTCL-….json do qmo consolidate ghi, hoặc "
                              f"tệp --export-json).",
                              f"“{p.name}” is not qmo report data (the "
                              f"MTCL-report-data-….json that qmo consolidate writes, or an "
                              f"--export-json file)."))
    return from_export_dict(data)


def find_data(folder: Path) -> Path:
    """The report data in a finished round's output folder (one round's)."""
    found = sorted({p for pattern in PATTERNS for p in folder.glob(pattern)})
    if len(found) == 1:
        return found[0]
    if not found:
        raise DataError(Words(
            f"Thư mục “{folder}” không có dữ liệu báo cáo (du-lieu-bao-cao-MTCL-….json): "
            "chạy «qmo consolidate» trước, hoặc chỉ ra tệp --export-json.",
            f"“{folder}” holds no report data (MTCL-report-data-….json): run «qmo "
            "consolidate» first, or name an --export-json file."))
    names = ", ".join(p.name for p in found)
    raise DataError(Words(f"Thư mục “{folder}” có dữ liệu của nhiều kỳ ({names}): chỉ ra "
                          "tệp của kỳ cần lập báo cáo.",
                          f"“{folder}” holds the data of several rounds ({names}): name "
                          "the one to report on."))
