"""Make the sample round in `samples/`: the round workbook, the returns of the units in
the states an office really meets, the expected outcome of every file and a README.

    python scripts/make_samples.py                      # into samples/
    python scripts/make_samples.py --out /tmp/s         # somewhere else
    python scripts/make_samples.py --refresh-libreoffice

Everything comes from `sample_data.py` (no randomness, no hand edits). Files written by
xlsxwriter are the same bytes on every run. The two files made by LibreOffice (the
re-saved .xlsx and the .xls) are not byte-stable, so an existing one is kept unless
`--refresh-libreoffice` is given; the tests compare their cell values instead of bytes.
`--no-libreoffice` skips them (when `soffice` is not installed).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sample_data as D

from qmo_excel import spec
from qmo_excel.model import Assignment, RegisteredUnit, RoundConfig
from qmo_excel.round import write_round_workbook
from qmo_excel.round.reader import example_round
from qmo_excel.template import write_unit_workbook

ROOT = Path(__file__).resolve().parent.parent
LIBREOFFICE_MAKES = ("libreoffice-xlsx", "libreoffice-xls")
LO_PROFILE = "file:///tmp/lo_samples"
ACHIEVED = ("vuot", "dat")


# --------------------------------------------------------------------------- the round


def round_config() -> RoundConfig:
    """`example_round()` moved to the 2023 year report, with Bắc Hồng and our
    assignments (seed 000's indicators, numbered as in each unit's own return)."""
    config = example_round()
    config.year, config.period = D.YEAR, D.PERIOD
    config.deadline, config.cut_off = D.DEADLINE, D.CUT_OFF
    register = list(config.register)
    for code, name, kind, after in D.EXTRA_UNITS:
        if any(u.code == code for u in register):
            continue
        at = next((i + 1 for i, u in enumerate(register) if u.code == after), len(register))
        register.insert(at, RegisteredUnit(code=code, name=name, kind=kind, parent=D.TOWN))
    config.register = register
    assignments: list[Assignment] = []
    for ret in D.RETURNS:
        if ret.status != "used":
            continue
        for ind in ret.objectives:
            if ind.assigned:
                assignments.append(Assignment(
                    unit_code=ret.unit_code, objective_code=ind.code.split(".")[0],
                    code=ind.code, text=ind.text, unit_of_measure=ind.uom,
                    target=ind.target, direction=ind.direction,
                    weight=1.0 if "." in ind.code else None))
    config.assignments = assignments
    return config


# --------------------------------------------------------------------------- returns


def _records(ret: D.Return) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    info = {"unit_code": ret.unit_code, "unit_name": ret.unit_name, "year": D.YEAR,
            "period": D.PERIOD, "preparer": ret.preparer, "contact": ret.contact,
            "report_date": ret.report_date, "head": ret.head}
    objectives = [{
        "code": i.code, "text": i.text, "unit_of_measure": i.uom, "target": i.target,
        "direction": i.direction, "result": i.result, "self_assessment": i.self_assessment,
        "evidence": i.evidence, "lead": i.lead,
    } for i in ret.objectives]
    tasks = [{
        "number": t.number, "objective_code": t.objective, "task": t.task, "lead": t.lead,
        "coordinating": t.coordinating, "timeline": t.timeline, "monitoring": t.monitoring,
        "expected_output": t.output, "status": t.status, "completed_on": t.completed,
        "notes": t.notes,
    } for t in ret.tasks]
    clean = [{k: v for k, v in r.items() if v not in ("", None)} for r in objectives]
    clean_tasks = [{k: v for k, v in r.items() if v not in ("", None)} for r in tasks]
    return info, clean, clean_tasks


def write_return(ret: D.Return, path: Path) -> None:
    info, objectives, tasks = _records(ret)
    write_unit_workbook(path, lang="vi", info=info, objectives=objectives, tasks=tasks,
                        lock_assigned=ret.lock_assigned)


def soffice_convert(src: Path, fmt: str, out_dir: Path) -> Path:
    """Convert ``src`` with LibreOffice into ``out_dir``; return the new file."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise SystemExit("soffice (LibreOffice) is not installed: use --no-libreoffice")
    cmd = [exe, f"-env:UserInstallation={LO_PROFILE}", "--headless", "--convert-to", fmt,
           "--outdir", str(out_dir), str(src)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    made = out_dir / f"{src.stem}.{fmt}"
    if not made.is_file():
        raise SystemExit(f"LibreOffice did not write {made}")
    return made


def excel_lock_bytes(owner: str) -> bytes:
    """The 165-byte owner file Excel writes beside an open workbook (~$name.xlsx):
    a length byte, the name padded with spaces to 53 bytes, a NUL, the length again with
    a NUL, then the name in UTF-16LE padded with spaces to 54 characters."""
    name = owner[:53]
    ansi = name.encode("cp1252").ljust(53, b" ")
    wide = name.ljust(54).encode("utf-16-le")
    data = bytes([len(name)]) + ansi + b"\x00" + bytes([len(name), 0]) + wide
    assert len(data) == 165, len(data)
    return data


def _stamp(text: str) -> float:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").timestamp()


# --------------------------------------------------------------------------- expectations


def objective_status(verdicts: list[str]) -> str:
    """PRODUCT.md: an objective is achieved only when all its indicators are."""
    if "khong_dat" in verdicts:
        return "khong_dat"
    if all(v in ACHIEVED for v in verdicts):
        return "vuot" if all(v == "vuot" for v in verdicts) else "dat"
    others = {v for v in verdicts if v not in ACHIEVED}
    if len(others) != 1:
        raise ValueError(f"ambiguous objective: {verdicts}")
    return others.pop()


def _objectives(ret: D.Return) -> dict[str, dict[str, Any]]:
    codes = [i.code for i in ret.objectives]
    out: dict[str, dict[str, Any]] = {}
    for ind in ret.objectives:
        if "." in ind.code:
            continue
        members = [i for i in ret.objectives if i.code.startswith(ind.code + ".")]
        if not members:
            members = [ind]
        verdicts = [str(i.verdict) for i in members]
        out[ind.code] = {"status": objective_status(verdicts), "indicators": len(members),
                         "achieved": sum(v in ACHIEVED for v in verdicts)}
    assert len(set(codes)) == len(codes), ret.file
    return out


def _task_counts(ret: D.Return) -> dict[str, int]:
    done = [t for t in ret.tasks if t.status == "done"]
    late = [t for t in done if t.due and t.completed and t.completed > t.due]
    overdue = [t for t in ret.tasks if t.status not in ("done", "cancelled") and t.due
               and t.due < D.CUT_OFF]
    return {"total": len(ret.tasks), "done": len(done), "done_late": len(late),
            "overdue": len(overdue)}


def problem_cell(ret: D.Return, prob: D.Prob) -> str:
    """The A1 cell a problem points at, from the template's layout in ``spec``."""
    if not prob.sheet:
        return ""  # a problem of the whole file
    if prob.sheet == "info":
        return spec.UNIT_INFO.cell(prob.field)
    if prob.sheet == "objectives":
        index = next(i for i, ind in enumerate(ret.objectives) if ind.code == prob.at)
        table = spec.OBJECTIVES
    else:
        index, table = int(prob.at), spec.PLAN
    return f"{table.column(prob.field)}{table.first_data_row + index}"


def _known(file: str, item: str, entry: dict[str, Any]) -> dict[str, Any]:
    why = D.KNOWN_DISAGREEMENTS.get((file, item))
    if why:
        entry["known_disagreement"] = why
    return entry


def expected_for_return(ret: D.Return) -> dict[str, Any]:
    exp: dict[str, Any] = {
        "file": ret.file,
        "status": _known(ret.file, "status", {"expected": ret.status, "why": ret.why}),
        "unit_code": _known(ret.file, "unit_code", {
            "expected": ret.unit_code if ret.status != "rejected" else None,
            "sent_by": ret.unit_name}),
        "late": _known(ret.file, "late", {
            "expected": ret.late, "report_date": ret.report_date.isoformat(),
            "deadline": D.DEADLINE.isoformat()}),
        "unknown_unit": ret.unknown_unit,
        "made_by": ret.make,
        "demonstrates": {"vi": ret.demonstrates_vi, "en": ret.demonstrates_en},
    }
    if ret.make != "truncated":
        exp["problems"] = _known(ret.file, "problems", {
            "expected": sorted([p.code, problem_cell(ret, p)] for p in ret.problems),
            "why": {f"{p.code}@{problem_cell(ret, p)}": p.why for p in ret.problems},
            "note": "errors and warnings only (code, cell); infos are not checked"})
    if ret.status != "used":
        return exp
    exp["indicators"] = {
        i.code: _known(ret.file, f"indicator:{i.code}", {
            "verdict": i.verdict, "target": i.target, "result": i.result,
            "self_assessment": i.self_assessment, "self_assessment_mismatch": i.mismatch,
            "why": i.why})
        for i in ret.objectives
        if i.verdict is not None
    }
    exp["objectives"] = {code: _known(ret.file, f"objective:{code}", o)
                         for code, o in _objectives(ret).items()}
    counts = _task_counts(ret)
    exp["tasks"] = {k: _known(ret.file, f"tasks:{k}", {"expected": v})
                    for k, v in counts.items()}
    band, band_why = D.BANDS[ret.unit_code]
    exp["band"] = _known(ret.file, "band", {"expected": band, "why": band_why})
    exp["tasks_detail"] = [{
        "objective": t.objective, "number": t.number, "timeline": t.timeline,
        "due": t.due.isoformat() if t.due else None, "status": t.status,
        "completed_on": t.completed.isoformat() if t.completed else None,
    } for t in ret.tasks]
    return exp


def expected_for_extra(ex: D.Extra) -> dict[str, Any]:
    return {
        "file": ex.file,
        "status": _known(ex.file, "status", {"expected": ex.status, "why": ex.why}),
        "unit_code": _known(ex.file, "unit_code", {"expected": ex.unit_code}),
        "late": _known(ex.file, "late", {"expected": ex.late}),
        "unknown_unit": False,
        "made_by": ex.make,
        "demonstrates": {"vi": ex.demonstrates_vi, "en": ex.demonstrates_en},
    }


def expected_round(config: RoundConfig) -> dict[str, Any]:
    registered = [u.code for u in config.register]
    used = [r for r in D.RETURNS if r.status == "used"]
    submitted = sorted({r.unit_code for r in used if r.unit_code in registered})
    statuses = Counter([r.status for r in D.RETURNS] + [e.status for e in D.EXTRAS])
    verdicts = Counter(str(i.verdict) for r in used for i in r.objectives
                       if i.verdict is not None)
    tasks = Counter()
    for r in used:
        tasks.update(_task_counts(r))
    return {
        "round": {"town": D.TOWN, "year": D.YEAR, "period": D.PERIOD,
                  "deadline": D.DEADLINE.isoformat(), "cut_off": D.CUT_OFF.isoformat(),
                  "as_of": D.AS_OF.isoformat()},
        "files": len(D.RETURNS) + len(D.EXTRAS),
        "intake": dict(sorted(statuses.items())),
        "registered_units": len(registered),
        "submitted_units": submitted,
        "missing_units": [c for c in registered if c not in submitted],
        "unknown_units": sorted(r.unit_code for r in used if r.unit_code not in registered),
        "late_units": sorted(r.unit_code for r in used if r.late),
        # sums of the per-file expectations, for reference (checked per file)
        "verdicts": dict(sorted(verdicts.items())),
        "tasks": dict(tasks),
        "why_missing": {
            "P-TUHA": "its only file is corrupt, rejected",
            **{c: "sent nothing" for c in D.SILENT_UNITS},
        },
        "town_objectives": D.TOWN_OBJECTIVES,
        "town_headline": {"vi": D.TOWN_HEADLINE[0], "en": D.TOWN_HEADLINE[1]},
        "bands": dict(sorted(Counter(D.BANDS[r.unit_code][0] for r in used).items())),
        "known_disagreements": {item: why for (file, item), why in
                                D.KNOWN_DISAGREEMENTS.items() if file == "round"},
    }


def _dump(path: Path, data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    path.write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- README


def readme() -> str:
    lines = [
        "# Kỳ báo cáo mẫu / Sample round — MTCL năm 2023, thị xã Hương Trà",
        "",
        "Tạo bằng / made by `python scripts/make_samples.py` from `scripts/sample_data.py`;",
        "không sửa tay / never edit by hand. Kiểm tra bởi / checked by `tests/test_samples.py`.",
        "",
        "**Tiếng Việt.** Một kỳ báo cáo thật: báo cáo năm 2023 (hạn nộp "
        f"{D.DEADLINE:%d/%m/%Y}, chốt số liệu {D.CUT_OFF:%d/%m/%Y}) của {D.TOWN}. "
        "`round.xlsx` là sổ kỳ báo cáo (9 phòng, ban của seed 000, các phường, xã; chỉ tiêu "
        "giao theo seed 000). `returns/` là các tệp các đơn vị gửi về, ở đủ các tình trạng "
        "Văn phòng thường gặp. `expected/<tên tệp>.json` ghi kết quả mong đợi của từng tệp "
        "(số phận, đơn vị, nộp muộn, kết luận từng chỉ tiêu, mục tiêu, nhiệm vụ) do người "
        "soạn suy luận như một cán bộ cẩn thận, không chép từ chương trình; "
        "`expected/round.json` là kết quả chung của kỳ.",
        "",
        "**English.** A real round: the 2023 year report of the town, deadline "
        f"{D.DEADLINE:%d/%m/%Y}, cut-off {D.CUT_OFF:%d/%m/%Y}. `round.xlsx` is the round "
        "workbook; `returns/` the files units sent, in the states an office meets; "
        "`expected/<file>.json` the outcome a careful official expects for each file (fate, "
        "unit, lateness, every indicator's verdict, objectives, tasks), reasoned by hand "
        "from DOMAIN.md and PRODUCT.md, not copied from the tool; `expected/round.json` the "
        "round-level outcome.",
        "",
        "Chạy thử / try it:",
        "",
        "```",
        "qmo consolidate samples/returns --round samples/round.xlsx -o /tmp/out "
        f"--as-of {D.AS_OF.isoformat()}",
        "```",
        "",
        "| tệp / file | kết quả mong đợi / expected | minh họa (vi) | demonstrates (en) |",
        "| --- | --- | --- | --- |",
    ]
    rows = [(r.file, r.status + (", nộp muộn / late" if r.late else ""),
             r.demonstrates_vi, r.demonstrates_en) for r in D.RETURNS]
    rows += [(e.file, e.status, e.demonstrates_vi, e.demonstrates_en) for e in D.EXTRAS]
    for file, status, vi, en in sorted(rows):
        lines.append(f"| `{file}` | {status} | {vi} | {en} |")
    silent = ", ".join(D.SILENT_UNITS)
    lines += [
        "",
        f"Không gửi gì / sent nothing: {silent} (ở danh sách chưa nộp / on the missing list).",
        "",
        "Tệp do LibreOffice tạo / made by LibreOffice: "
        + ", ".join(f"`{r.file}`" for r in D.RETURNS if r.make in LIBREOFFICE_MAKES)
        + ". Không ổn định từng byte nên được giữ nguyên khi tạo lại, trừ khi dùng "
        "`--refresh-libreoffice`; kiểm thử so sánh giá trị ô. / Not byte-stable, so kept "
        "on regeneration unless `--refresh-libreoffice` is given; the test compares their "
        "cell values. Thời điểm sửa tệp chỉ dùng khi hai báo cáo cùng ngày báo cáo; ngày "
        "báo cáo quyết định bản nào được dùng. / File times only break ties; the report "
        "date decides which return is used.",
        "",
    ]
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def _nfc(name: str) -> str:
    assert unicodedata.is_normalized("NFC", name), name
    return name


def make(out: Path, *, libreoffice: str = "keep") -> list[Path]:
    """Write the sample round into ``out``; ``libreoffice`` is keep | refresh | skip."""
    returns_dir, expected_dir = out / "returns", out / "expected"
    returns_dir.mkdir(parents=True, exist_ok=True)
    expected_dir.mkdir(parents=True, exist_ok=True)
    lo_files = {r.file for r in D.RETURNS if r.make in LIBREOFFICE_MAKES}
    planned = {_nfc(r.file) for r in D.RETURNS} | {_nfc(e.file) for e in D.EXTRAS}
    for old in returns_dir.iterdir():
        if old.name in lo_files and libreoffice != "refresh":
            continue
        if old.is_file() or old.is_symlink():
            old.unlink()
    for old in expected_dir.glob("*.json"):
        old.unlink()
    written: list[Path] = []
    config = round_config()
    write_round_workbook(out / "round.xlsx", lang="vi", config=config)
    written.append(out / "round.xlsx")
    with tempfile.TemporaryDirectory(prefix="qmo-samples-") as tmp_name:
        tmp = Path(tmp_name)
        for ret in D.RETURNS:
            target = returns_dir / ret.file
            if ret.make == "xlsxwriter":
                write_return(ret, target)
            elif ret.make == "truncated":
                whole = tmp / "whole.xlsx"
                write_return(ret, whole)
                data = whole.read_bytes()
                target.write_bytes(data[: len(data) // 2])
            elif ret.make in LIBREOFFICE_MAKES:
                if libreoffice == "skip" or (libreoffice == "keep" and target.is_file()):
                    continue
                src_dir = tmp / ret.unit_code
                src_dir.mkdir()
                src = src_dir / "return.xlsx"
                write_return(ret, src)
                conv_dir = src_dir / "converted"
                conv_dir.mkdir()
                fmt = "xls" if ret.make == "libreoffice-xls" else "xlsx"
                made = soffice_convert(src, fmt, conv_dir)
                shutil.move(str(made), target)
            else:
                raise ValueError(ret.make)
            written.append(target)
        for ex in D.EXTRAS:
            target = returns_dir / ex.file
            if ex.make == "copy-of":
                shutil.copyfile(returns_dir / ex.source, target)
            elif ex.make == "excel-lock":
                target.write_bytes(excel_lock_bytes(ex.owner))
            else:
                raise ValueError(ex.make)
            written.append(target)
    for item in [*D.RETURNS, *D.EXTRAS]:
        path = returns_dir / item.file
        if path.is_file():
            os.chmod(path, 0o644)
            stamp = _stamp(item.mtime)
            os.utime(path, (stamp, stamp))
    for ret in D.RETURNS:
        _dump(expected_dir / f"{ret.file}.json", expected_for_return(ret))
    for ex in D.EXTRAS:
        _dump(expected_dir / f"{ex.file}.json", expected_for_extra(ex))
    _dump(expected_dir / "round.json", expected_round(config))
    (out / "README.md").write_text(readme(), encoding="utf-8")
    os.chmod(out / "round.xlsx", 0o644)
    unexpected = {p.name for p in returns_dir.iterdir()} - planned
    if unexpected:
        raise SystemExit(f"unexpected files in {returns_dir}: {sorted(unexpected)}")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "samples",
                        help="folder to write (default: samples/)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--refresh-libreoffice", action="store_true",
                       help="re-make the LibreOffice-made files too")
    group.add_argument("--no-libreoffice", action="store_true",
                       help="do not make the LibreOffice-made files")
    args = parser.parse_args(argv)
    mode = "refresh" if args.refresh_libreoffice else "skip" if args.no_libreoffice else "keep"
    written = make(args.out, libreoffice=mode)
    print(f"{len(written)} files written under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

