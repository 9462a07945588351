"""`qmo consolidate FOLDER`: the main job, rendered for the terminal."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from qmo_excel.cli.errors import QmoCommand, os_error
from qmo_excel.cli.progress import RunProgress
from qmo_excel.figures import Headline, headline
from qmo_excel.model import RoundConfig, RoundResult
from qmo_excel.round.locate import place
from qmo_excel.summary.labels import num, town_sentence
from qmo_excel.vocab import Band, in_lang

MAX_CODES = 10  # codes listed on one terminal line before "… và N đơn vị khác"

if TYPE_CHECKING:
    from qmo_excel.jobs.consolidate import Outcome


def _codes(codes: list[str], lang: str) -> str:
    shown = ", ".join(codes[:MAX_CODES])
    more = len(codes) - MAX_CODES
    if more > 0:
        shown += f" … và {more} đơn vị khác" if lang == "vi" else f" … and {more} more"
    return shown


def _town_and_bands(h: Headline, lang: str) -> list[str]:
    """The town's objectives ("3/4 mục tiêu chưa đạt (mục tiêu số 1, 2, 3)") and the units'
    bands (provisional in a part-year round, with the indicators at risk or behind)."""
    vi = lang == "vi"
    town = ("Mục tiêu của thị xã: " if vi else "Town objectives: ") + town_sentence(
        h.town_objectives, h.town_not_achieved, lang) + "."
    if not h.town_objectives:
        town = town.rstrip(".") + (" (xem trang «Mục tiêu của thị xã»)." if vi else
                                   " (see the «Town objectives» sheet).")
    counts = ", ".join(f"{h.bands.get(b.value, 0)} {b.label(lang).lower()}" for b in Band)
    head = "Xếp loại đơn vị" if vi else "Unit bands"
    if h.provisional:
        head += " (tạm tính)" if vi else " (provisional)"
    bands = f"{head}: {counts}"
    if h.provisional:
        bands += (f"; {h.at_risk} chỉ tiêu có nguy cơ không đạt, {h.behind} chỉ tiêu chậm "
                  "tiến độ" if vi else f"; {h.at_risk} indicators at risk, {h.behind} behind")
    return [town, bands + "."]


def render_summary(result: RoundResult, lang: str) -> list[str]:
    """The terminal's lines, from the same figures as the overview sheet and the JSON."""
    h = headline(result)
    f = h.fates
    score = num(h.score, 1, lang) if h.score is not None else "—"
    sev = h.problems
    if lang == "vi":
        units = (f"Đơn vị: {h.received}/{h.expected} đã nộp, {h.late} nộp muộn, "
                 f"{h.missing} chưa nộp"
                 + (f" ({_codes(h.missing_codes, lang)})" if h.missing_codes else "")
                 + (f"; {len(h.unregistered_codes)} không có trong danh sách "
                    f"({_codes(h.unregistered_codes, lang)})" if h.unregistered_codes else "")
                 + ".")
        return [
            f"Tiếp nhận {h.files} tệp: {f['used']} sử dụng, {f['superseded']} bị thay thế, "
            f"{f['duplicate']} trùng lặp, {f['rejected']} bị từ chối, {f['ignored']} bỏ qua.",
            units, *_town_and_bands(h, lang),
            f"Chỉ tiêu: {h.achieved}/{h.indicators} đạt và vượt, {h.not_achieved} không đạt, "
            f"{h.in_progress} đang thực hiện, {h.no_data} chưa có số liệu"
            + (f", {h.undetermined} không xác định" if h.undetermined else "") + ".",
            f"Điểm bình quân: {score}; nhiệm vụ quá hạn: {h.tasks_overdue}; "
            f"lỗi: {sev['error']}, cảnh báo: {sev['warning']}, lưu ý: {sev['info']}.",
        ]
    units = (f"Units: {h.received}/{h.expected} submitted, {h.late} late, {h.missing} missing"
             + (f" ({_codes(h.missing_codes, lang)})" if h.missing_codes else "")
             + (f"; {len(h.unregistered_codes)} not in the register "
                f"({_codes(h.unregistered_codes, lang)})" if h.unregistered_codes else "")
             + ".")
    return [
        f"Intake of {h.files} files: {f['used']} used, {f['superseded']} superseded, "
        f"{f['duplicate']} duplicate, {f['rejected']} rejected, {f['ignored']} ignored.",
        units, *_town_and_bands(h, lang),
        f"Indicators: {h.achieved}/{h.indicators} achieved, {h.not_achieved} not achieved, "
        f"{h.in_progress} in progress, {h.no_data} no data"
        + (f", {h.undetermined} undetermined" if h.undetermined else "") + ".",
        f"Average score: {score}; overdue tasks: {h.tasks_overdue}; errors: {sev['error']}, "
        f"warnings: {sev['warning']}, notes: {sev['info']}.",
    ]


@click.command("consolidate", cls=QmoCommand)
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--round", "round_path", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="Sổ kỳ báo cáo (round.xlsx). Mặc định: round.xlsx trong "
              "thư mục hoặc thư mục cha, nếu có. / The round workbook.")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Thư mục ghi kết quả. Mặc định: output/ bên cạnh thư mục bài nộp của một "
              "kỳ do qmo init tạo, nếu không thì qmo-output/. / Output folder (default: the "
              "round folder's output/, else qmo-output/).")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d", "%d/%m/%Y"]),
              help="Ngày lập tổng hợp (cố định để kết quả giống hệt nhau). Mặc định: hôm nay; số "
              "liệu tính đến ngày chốt của kỳ nếu đã qua. / Run date (default: today; figures "
              "as of the round's cut-off once past).")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
              help="Ngôn ngữ của sổ tổng hợp. / Language of the outputs.")
@click.option("--jobs", type=click.IntRange(1, 64), default=None,
              help="Số tiến trình đọc tệp và ghi tệp góp ý (mặc định: số lõi). / "
              "Worker processes for reading and for feedback.")
@click.option("--export-json", type=click.Path(dir_okay=False, path_type=Path),
              help="Ghi kết quả dạng JSON. / Write the results as JSON.")
@click.option("--export-csv", type=click.Path(file_okay=False, path_type=Path),
              help="Ghi các bảng kết quả dạng CSV vào thư mục. / Write CSV tables.")
@click.option("--no-feedback", is_flag=True, help="Không ghi tệp góp ý cho đơn vị. / "
              "Do not write feedback workbooks.")
@click.option("--history", "history_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Tệp lịch sử các kỳ (SQLite). Mặc định: theo sổ kỳ báo cáo, nếu không thì "
              "lich-su-MTCL.sqlite ở thư mục chứa thư mục kỳ báo cáo. / The history file "
              "(default: the round workbook's setting, else lich-su-MTCL.sqlite in the "
              "folder above the round's folder).")
@click.option("--no-history", is_flag=True, help="Không so sánh với các kỳ trước và không "
              "ghi kỳ này vào lịch sử. / Neither compare with nor record in the history.")
@click.option("-q", "--quiet", is_flag=True, help="Không in tiến trình. / No progress bar.")
def consolidate_cmd(folder: Path, round_path: Path | None, out_dir: Path | None,
                    as_of: object, lang: str, jobs: int | None, export_json: Path | None,
                    export_csv: Path | None, no_feedback: bool, history_path: Path | None,
                    no_history: bool, quiet: bool) -> None:
    """Tổng hợp, chấm điểm mọi báo cáo trong FOLDER và ghi sổ tổng hợp.

    Consolidates and scores every return under FOLDER: writes the summary workbook,
    feedback workbooks for units whose files have problems, and optional JSON/CSV exports.
    """
    from qmo_excel.history import HistoryError, default_history_path
    from qmo_excel.jobs.consolidate import NoReturns, consolidate, why_in_words

    where = place(folder)
    config = RoundConfig()
    round_path = round_path or where.round
    if round_path is not None:
        from qmo_excel.round.reader import RoundError, read_round
        try:
            config = read_round(round_path)
        except RoundError as exc:
            raise click.ClickException(str(exc)) from exc
        if not quiet:
            click.echo(("Sổ kỳ báo cáo: " if lang == "vi" else "Round workbook: ")
                       + str(round_path), err=True)
        for warning in config.warnings:  # what a default stands in for, even when quiet
            click.echo(f"Cảnh báo: {warning}", err=True)
    if not quiet and where.returns != folder:
        click.echo(("Bài nộp: " if lang == "vi" else "Returns: ") + str(where.returns),
                   err=True)
    out_dir = out_dir or where.output or Path("qmo-output")
    if history_path is not None and no_history:
        raise click.UsageError("--history và --no-history không dùng cùng nhau / "
                               "--history and --no-history exclude each other")
    history = None if no_history else (
        history_path or default_history_path(where.returns, round_path, config))
    run_date = as_of.date() if hasattr(as_of, "date") else None
    bar = RunProgress(lang, enabled=False if quiet else None)
    try:
        outcome = consolidate(where.returns, config=config, out_dir=out_dir, as_of=run_date,
                              lang=lang, jobs=jobs, export_json=export_json,
                              export_csv=export_csv, feedback=not no_feedback,
                              progress=bar, history=history)
    except HistoryError as exc:
        raise click.ClickException(exc.message(lang)) from exc
    except NoReturns as exc:
        raise click.ClickException(
            f"Không có báo cáo nào để tổng hợp trong {exc.folder} ({exc.ignored} tệp khác bị "
            "bỏ qua). Hãy chép các tệp .xlsx đơn vị gửi về vào thư mục này rồi chạy lại; "
            "không ghi sổ tổng hợp." if lang == "vi" else
            f"No return to consolidate in {exc.folder} ({exc.ignored} other files "
            "ignored). Put the .xlsx files the units sent there and run again; no summary "
            "was written.") from exc
    except OSError as exc:
        raise click.ClickException(os_error(exc, lang)) from exc
    finally:
        bar.close()
    for line in render_summary(outcome.result, lang):
        click.echo(line)
    label = ("Sổ tổng hợp", "Tệp góp ý", "Xuất dữ liệu", "Báo cáo") if lang == "vi" else (
        "Summary", "Feedback files", "Exports", "Report")
    click.echo(f"{label[0]}: {outcome.summary}")
    if outcome.report is not None:
        click.echo(f"{label[3]}: {outcome.report}")
    if outcome.report_failed:
        click.echo(("Không ghi được báo cáo: " if lang == "vi" else
                    "Could not write the report: ") + outcome.report_failed, err=True)
    if outcome.feedback:  # only what is on disk, each file once
        click.echo(f"{label[1]}: {len(outcome.feedback)} "
                   f"({outcome.feedback[0].parent})")
    if outcome.feedback_archived:
        n, to = len(outcome.feedback_archived), outcome.feedback_archived[0].parent
        click.echo(f"Đã chuyển {n} tệp góp ý của lần chạy trước vào {to}" if lang == "vi"
                   else f"Moved {n} feedback files of an earlier run to {to}")
    for rel, why in outcome.feedback_failed:
        why = in_lang(why_in_words(why), lang)
        click.echo((f"Không ghi được tệp góp ý cho {rel}: {why}" if lang == "vi" else
                    f"Could not write the feedback file of {rel}: {why}"), err=True)
    for path in outcome.exports:
        click.echo(f"{label[2]}: {path}")
    for line in render_history(outcome, lang):
        click.echo(line)
    if outcome.history_error is not None:
        error = outcome.history_error
        raise click.ClickException(error.message(lang) if isinstance(error, HistoryError)
                                   else str(error))
    if outcome.feedback_failed:
        sys.exit(1)


def _shown(path: Path) -> Path:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except (OSError, ValueError):
        return path


def render_history(outcome: Outcome, lang: str) -> list[str]:
    """The manifest and the history lines of the run."""
    from qmo_excel.summary.labels import period as period_label

    result = outcome.result
    lines = []
    if outcome.manifest is not None:
        lines.append(("Vết kiểm tra: " if lang == "vi" else "Audit manifest: ")
                     + str(outcome.manifest))
    if outcome.history is not None:
        name = f"{period_label(result.period, lang)} {result.year or result.as_of.year}"
        if lang == "vi":
            done = "ghi đè" if outcome.history_replaced else "ghi"
            lines.append(f"Lịch sử: {_shown(outcome.history)} ({done} kỳ {name}; "
                         f"{outcome.history_rounds} kỳ đã ghi)")
        else:
            done = "replaced" if outcome.history_replaced else "recorded"
            lines.append(f"History: {_shown(outcome.history)} ({done} {name}; "
                         f"{outcome.history_rounds} rounds recorded)")
        trends = result.trends
        if trends is not None and trends.refs():
            refs = ", ".join(f"{period_label(r.period, lang)} {r.year}" for r in trends.refs())
            lines.append(("So sánh với: " if lang == "vi" else "Compared with: ") + refs)
    return lines
