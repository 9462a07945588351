"""Consolidation of a round's files: exactly one fate for every file (used, superseded,
duplicate, rejected, ignored), the return used for each unit, and the round's year and
period from the returns used. Pure over the validation's ``FileReport`` records; reasons
are ``vocab.Words``, shown in the language of the output that shows them.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from qmo_excel.cells import loose
from qmo_excel.model import IntakeEntry, RoundConfig, UnitReturn
from qmo_excel.problems import CATALOGUE, problem
from qmo_excel.reports import FileReport
from qmo_excel.scoring import return_year_period, round_year_period
from qmo_excel.vocab import Words

# Errors that leave nothing to consolidate; any other error is a data error in some cells.
UNUSABLE = frozenset({"structure-column-missing", "objectives-empty"})
SAME_TIME = 2.0  # seconds within which two copies of a file count as made together
SUPERSEDE_RULE = {
    "vi": ("Khi một đơn vị nộp nhiều lần: dùng bản có Ngày báo cáo (trong tệp) mới nhất; "
           "nếu bằng nhau, dùng bản có thời điểm sửa tệp sau cùng."),
    "en": ("When a unit sends several returns, the one with the latest report date (inside "
           "the file) is used; on a tie, the one modified last."),
}


def return_of(report: FileReport) -> UnitReturn | None:
    ret = getattr(report, "unit_return", None)
    return ret if isinstance(ret, UnitReturn) else None


def _report_date(ret: UnitReturn | None) -> date | None:
    value = ret.info.get("report_date") if ret else None
    return value if isinstance(value, date) else None


def _info_text(ret: UnitReturn | None, key: str) -> str:
    if ret is None:
        return ""
    value = ret.info.get(key)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _same_file(a: object, b: object) -> bool:
    try:
        return Path(str(a)).resolve() == Path(str(b)).resolve()
    except OSError:
        return False


def _mtime(path: object) -> float:
    try:
        return Path(str(path)).stat().st_mtime
    except OSError:
        return 0.0


def _unusable(report: FileReport) -> bool:
    """A return is rejected only for file or structure errors; data errors are reported
    (and sent back as feedback) but the rest of the return is still used."""
    return any(p.severity == "error" and (p.code in UNUSABLE or (
        p.code in CATALOGUE and CATALOGUE[p.code].category == "file"))
        for p in report.problems)


def _first_error(report: FileReport) -> str:
    errors = [p for p in report.problems if p.severity == "error"]
    if not errors:
        return report.reason
    first = errors[0]
    where = f"{first.sheet}!{first.cell}: " if first.sheet and first.cell else ""
    more = len(errors) - 1
    tail = f" (+{more})" if more > 0 else ""
    return Words(f"{where}{first.message_in('vi')}{tail}",
                 f"{where}{first.message_in('en')}{tail}")


def decide_fates(reports: list[FileReport], config: RoundConfig
                 ) -> tuple[list[IntakeEntry], dict[str, FileReport]]:
    """Exactly one fate per file; returns the register and the used report per unit."""
    entries: dict[str, IntakeEntry] = {}
    registered = {u.code.casefold(): u for u in config.register}
    # Of several files with the same bytes, the original is the one modified first, then
    # the one with the shortest name ("PKT.xlsx" before "PKT (1).xlsx").
    first_with_hash: dict[str, str] = {}
    candidates: list[FileReport] = []

    def mtime_of(r: FileReport) -> float:
        ret = return_of(r)
        return ret.mtime if ret else _mtime(r.path)

    # Copies made within a couple of seconds of each other (a checkout, an unzip) have
    # no meaningful order in time: among them, the shortest name is the original.
    earliest: dict[str, float] = {}
    for r in reports:
        if r.sha256:
            earliest[r.sha256] = min(earliest.get(r.sha256, float("inf")), mtime_of(r))

    def original_first(r: FileReport) -> tuple[Any, ...]:
        mtime = mtime_of(r)
        if r.sha256 and mtime - earliest[r.sha256] <= SAME_TIME:
            mtime = earliest[r.sha256]
        return (r.sha256 or "", mtime, len(r.rel), r.rel)

    for rep in sorted(reports, key=original_first):
        ret = return_of(rep)
        code = (rep.unit_code or _info_text(ret, "unit_code")).strip()
        errors = sum(p.severity == "error" for p in rep.problems)
        warnings = sum(p.severity == "warning" for p in rep.problems)
        entry = IntakeEntry(file=rep.rel, status="", unit_code=code,
                            unit_name=_info_text(ret, "unit_name"),
                            report_date=_report_date(ret), sha256=rep.sha256,
                            errors=errors, warnings=warnings)
        entries[rep.rel] = entry
        if rep.status == "ignored":
            entry.status, entry.reason = "ignored", rep.reason
            continue
        if config.source and _same_file(rep.path, config.source):
            entry.status = "ignored"
            entry.reason = Words("Sổ kỳ báo cáo (cài đặt, danh sách đơn vị), không phải "
                                 "báo cáo của đơn vị", "The round workbook, not a unit's return")
            continue
        if rep.sha256 and rep.sha256 in first_with_hash:
            entry.status = "duplicate"
            entry.reason = Words(f"Trùng nội dung với tệp {first_with_hash[rep.sha256]}",
                                 f"Same content as {first_with_hash[rep.sha256]}")
            continue
        if rep.sha256:
            first_with_hash[rep.sha256] = rep.rel
        if rep.status == "rejected" or ret is None or not code or _unusable(rep):
            entry.status, entry.reason = "rejected", _first_error(rep) or rep.reason
            if ret is not None and not code:
                entry.reason = entry.reason or Words("Thiếu mã đơn vị", "No unit code")
            continue
        if registered and code.casefold() not in registered:
            entry.unknown_unit = True
        if code.casefold() in registered:
            entry.unit_name = registered[code.casefold()].name or entry.unit_name
        if config.deadline and entry.report_date and entry.report_date > config.deadline:
            entry.late = True
        candidates.append(rep)
    _correct_codes(candidates, entries, config)
    by_unit: dict[str, list[FileReport]] = {}
    for rep in candidates:
        code = entries[rep.rel].unit_code.casefold()
        by_unit.setdefault(code, []).append(rep)
    used: dict[str, FileReport] = {}
    for code, reps in by_unit.items():
        def newness(r: FileReport) -> tuple[Any, ...]:
            ret = return_of(r)
            return (_report_date(ret) or date.min, ret.mtime if ret else 0.0, r.rel)
        reps.sort(key=newness, reverse=True)
        winner = reps[0]
        entries[winner.rel].status = "used"
        if entries[winner.rel].unknown_unit:
            entries[winner.rel].reason = Words("Đơn vị không có trong danh sách đơn vị của kỳ "
                                               "báo cáo", "Unit not in the round's register")
        used[code] = winner
        for older in reps[1:]:
            e = entries[older.rel]
            e.status = "superseded"
            e.reason = Words(f"Đã có bản mới hơn: {winner.rel}. {SUPERSEDE_RULE['vi']}",
                             f"A newer return is used: {winner.rel}. {SUPERSEDE_RULE['en']}")
    return [entries[k] for k in sorted(entries)], used


def round_basis(config: RoundConfig, used: dict[str, FileReport]
                       ) -> tuple[int | None, str]:
    years: Counter[int] = Counter()
    periods: Counter[str] = Counter()
    for rep in used.values():
        ret = return_of(rep)
        if ret is not None:
            y, p = return_year_period(ret)
            years.update([y] if y else [])
            periods.update([p] if p else [])
    return round_year_period(config, years, periods)


def one_edit_apart(a: str, b: str) -> bool:
    """Two codes that differ by one typed character: one replaced, added, dropped, or two
    neighbours swapped ("X-HTOAM" for "X-HTOAN", "PKHT" for "PKT", "PTKCH" for "PTCKH")."""
    a, b = a.casefold(), b.casefold()
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and
                                  a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _correct_codes(candidates: list[FileReport], entries: dict[str, IntakeEntry],
                   config: RoundConfig) -> None:
    """A return whose unit code is not in the register is taken as a registered unit's
    when exactly one unit that sent nothing else has a code one edit away, or else exactly
    one has its name; the unit is told (``unit-code-corrected``). Never a guess between
    two: an ambiguous return stays an unregistered one."""
    if not config.register:
        return
    direct = {entries[r.rel].unit_code.casefold() for r in candidates
              if not entries[r.rel].unknown_unit}
    open_units = [u for u in config.register if u.code.casefold() not in direct]
    for rep in candidates:
        entry = entries[rep.rel]
        if not entry.unknown_unit:
            continue
        near = [u for u in open_units if one_edit_apart(u.code, entry.unit_code)]
        if not near and entry.unit_name:
            near = [u for u in open_units if u.name and loose(u.name) == loose(entry.unit_name)]
        if len(near) != 1:
            continue
        unit = near[0]
        rep.problems.append(problem(
            "unit-code-corrected", file=rep.rel, unit_code=unit.code,
            sheet=rep.problems[0].sheet if rep.problems else "", field="unit_code",
            value=entry.unit_code, expected=unit.code, name=unit.name))
        entry.unit_code, entry.unit_name, entry.unknown_unit = unit.code, unit.name, False
        entry.warnings += 1
        rep.unit_code = unit.code
