"""`qmo validate PATH...`: check returns and report every problem (thin adapter).

Exit codes: 0 every file valid (warnings allowed unless --strict), 1 problems found (or
no spreadsheet at all), 2 usage error.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import click

from qmo_excel.cli.errors import QmoCommand, os_error
from qmo_excel.cli.progress import RunProgress
from qmo_excel.fileio import atomic_path
from qmo_excel.jobs.validate import validate
from qmo_excel.model import RoundConfig
from qmo_excel.reports import CSV_COLUMNS, FileReport, ValidationReport
from qmo_excel.round.locate import is_round_folder, place
from qmo_excel.round.reader import RoundError, read_round
from qmo_excel.safetext import csv_cell
from qmo_excel.vocab import in_lang

_STATUS = {
    "vi": {"valid": "HỢP LỆ", "invalid": "CÓ LỖI", "rejected": "KHÔNG ĐỌC ĐƯỢC",
           "ignored": "BỎ QUA"},
    "en": {"valid": "VALID", "invalid": "INVALID", "rejected": "REJECTED",
           "ignored": "IGNORED"},
}
_SUMMARY = {
    "vi": ("{files} tệp: {valid} hợp lệ, {invalid} có lỗi, {rejected} không đọc được, "
           "{ignored} bỏ qua; {errors} lỗi, {warnings} cảnh báo, {infos} lưu ý."),
    "en": ("{files} files: {valid} valid, {invalid} invalid, {rejected} rejected, "
           "{ignored} ignored; {errors} errors, {warnings} warnings, {infos} notes."),
}
_WHOLE_FILE = {"vi": "(cả tệp)", "en": "(whole file)"}
_NO_FILES = {"vi": "Không tìm thấy tệp Excel nào để kiểm tra.",
             "en": "No spreadsheet found to check."}
_FEEDBACK = {"vi": "Đã ghi {n} tệp góp ý vào {dir}", "en": "Wrote {n} feedback files to {dir}"}


def _read_round(path: Path) -> RoundConfig:
    try:
        config = read_round(path)
    except RoundError as exc:
        raise click.ClickException(str(exc)) from exc
    for warning in config.warnings:
        click.echo(f"Cảnh báo: {warning}", err=True)
    return config


def render_text(report: ValidationReport, *, lang: str = "vi", quiet: bool = False) -> str:
    lang = "en" if lang == "en" else "vi"
    lines: list[str] = []
    for f in report.files:
        if quiet and f.status in ("valid", "ignored") and not f.problems:
            continue
        lines.append(_file_line(f, lang))
        for p in f.problems:
            if quiet and p.severity == "info":
                continue
            where = f"{p.sheet}!{p.cell}" if p.cell else (p.sheet or _WHOLE_FILE[lang])
            lines.append(f"  {where}  [{p.code}]  {p.message_in(lang)}")
    lines.append(_SUMMARY[lang].format(**report.stats))
    return "\n".join(lines) + "\n"


def _file_line(f: FileReport, lang: str) -> str:
    unit = f" ({f.unit_code})" if f.unit_code else ""
    reason = f": {in_lang(f.reason, lang)}" if f.reason and f.status != "rejected" else ""
    return f"{_STATUS[lang][f.status]}  {f.rel}{unit}{reason}"


def render_csv(report: ValidationReport, lang: str = "vi") -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    # A cell a spreadsheet would run (=, +, -, @…) starts with an apostrophe; see safetext
    w.writerows([csv_cell(v) for v in row] for row in report.to_rows(lang))
    return out.getvalue()


def _render(report: ValidationReport, fmt: str, quiet: bool, lang: str) -> str:
    if fmt == "json":
        return json.dumps(report.to_dict(lang), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return render_csv(report, lang)
    return render_text(report, lang=lang, quiet=quiet)


def _write_output(text: str, path: Path, fmt: str, lang: str = "vi") -> None:
    """Atomically; a CSV file starts with a BOM so that Excel reads its Vietnamese."""
    try:
        with atomic_path(path) as tmp:
            tmp.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8",
                           newline="")
    except OSError as exc:
        raise click.ClickException(os_error(exc, lang, str(path))) from exc


@click.command("validate", cls=QmoCommand)
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text",
              show_default=True, help="Dạng báo cáo. / Output format.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
              help="Ngôn ngữ của thông báo. / Language of the messages.")
@click.option("--round", "round_path", type=click.Path(exists=True, dir_okay=False,
                                                       path_type=Path),
              help="Sổ kỳ báo cáo (round.xlsx): danh sách đơn vị, năm, kỳ và chỉ tiêu giao, "
                   "đối chiếu với từng báo cáo. Mặc định: round.xlsx của thư mục kỳ báo cáo "
                   "(qmo init). / The round workbook, checked against each return.")
@click.option("--feedback", "feedback_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Ghi tệp góp ý cho mỗi tệp có lỗi vào thư mục DIR. / Write a feedback "
                   "workbook for every file with problems into DIR.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Số tiến trình đọc tệp (mặc định: số lõi). / Worker processes "
                   "(default: number of CPUs).")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path),
              help="Ghi báo cáo ra tệp này thay vì màn hình (tệp CSV có BOM để Excel hiện "
                   "đúng tiếng Việt). / Write the report to this file instead of the screen.")
@click.option("--strict", is_flag=True, help="Cảnh báo cũng tính là không đạt (mã thoát 1). / "
              "Warnings make a file fail too (exit 1).")
@click.option("--quiet", "-q", is_flag=True, help="Chỉ in các tệp có vấn đề, không hiện "
              "tiến trình. / Only files with problems; no progress.")
def validate_cmd(paths: tuple[Path, ...], fmt: str, lang: str, round_path: Path | None,
                 feedback_dir: Path | None, jobs: int | None, output: Path | None,
                 strict: bool, quiet: bool) -> None:
    """Kiểm tra các tệp báo cáo (tệp hoặc thư mục) và nêu từng lỗi cần sửa.

    Mỗi vấn đề có tệp, trang, ô, mã ổn định, mức độ và lời hướng dẫn sửa; in theo từng
    tệp, hoặc dạng JSON/CSV (một bản ghi cho mỗi tệp và mỗi vấn đề). Tệp .xls, .ods cũ
    vẫn được đọc kèm cảnh báo; tệp khóa (~$…) và tệp khác được ghi là bỏ qua. Mỗi tệp
    được đọc trong một tiến trình riêng, tối đa 8 giây. Cho một thư mục kỳ báo cáo (qmo
    init) thì kiểm tra returns/ của nó với round.xlsx. Mã thoát: 0 khi không tệp nào có
    lỗi (cảnh báo vẫn là 0, trừ khi --strict), 1 khi có lỗi, 2 khi gõ sai lệnh.

    Checks return files or folders and reports every problem with file, sheet, cell, a
    stable code, severity and how to fix it. Exit 0 when no file has an error (warnings
    too unless --strict), 1 when any has, 2 on a usage error.
    """
    # a round folder (qmo init's layout) stands for its returns/ and its round.xlsx
    rounds = [place(p) for p in paths if p.is_dir() and is_round_folder(p)]
    targets = [p / "returns" if p.is_dir() and is_round_folder(p) else p for p in paths]
    if round_path is None:
        round_path = next((r.round for r in rounds if r.round is not None), None)
    config = _read_round(round_path) if round_path else None
    bar = RunProgress(lang, enabled=False if quiet else None)
    try:
        report = validate(targets, jobs=jobs, round=config, keep_rows=False,
                          progress=bar.read)
    finally:
        bar.close()
    text = _render(report, fmt, quiet, lang)
    if output is None:
        click.echo(text, nl=False)
    else:
        _write_output(text, output, fmt, lang)
    failed = 0
    if feedback_dir is not None:
        failed = _feedback(report, feedback_dir, lang, jobs)
    sys.exit(exit_code(report, strict=strict, lang=lang) or (1 if failed else 0))


def _feedback(report: ValidationReport, out_dir: Path, lang: str, jobs: int | None) -> int:
    """The feedback workbooks, each written in a bounded worker (as ``consolidate``); each
    one that cannot be written is named with the reason. Returns how many failed; the
    count printed is what is on disk."""
    from qmo_excel.jobs.consolidate import why_in_words
    from qmo_excel.jobs.feedback_jobs import write_feedback_files

    try:
        out = write_feedback_files(report.files, out_dir, lang=lang, jobs=jobs)
    except OSError as exc:
        raise click.ClickException(os_error(exc, lang, str(out_dir))) from exc
    written = {p for p in out.feedback if p.is_file()}
    click.echo(_FEEDBACK[lang].format(n=len(written), dir=out_dir), err=True)
    for rel, why in out.feedback_failed:
        why = in_lang(why_in_words(why), lang)
        click.echo((f"Không ghi được tệp góp ý cho {rel}: {why}" if lang == "vi" else
                    f"Could not write the feedback file of {rel}: {why}"), err=True)
    return len(out.feedback_failed) + len(out.feedback) - len(written)


def exit_code(report: ValidationReport, *, strict: bool = False, lang: str = "vi") -> int:
    checked: list[Any] = [f for f in report.files if f.status != "ignored"]
    if not checked:
        click.echo(_NO_FILES["en" if lang == "en" else "vi"], err=True)
        return 1
    if not report.valid:
        return 1
    if strict and any(f.warnings for f in checked):
        return 1
    return 0
