"""`qmo consolidate FOLDER`: the main job, rendered for the terminal."""

from __future__ import annotations

import os
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import click

from qmo_excel.model import RoundConfig, RoundResult


def _find_round(folder: Path) -> Path | None:
    for candidate in (folder / "round.xlsx", folder.parent / "round.xlsx"):
        if candidate.is_file():
            return candidate
    return None


def _vn_number(value: float, digits: int = 1) -> str:
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def render_summary(result: RoundResult, lang: str) -> list[str]:
    fates = Counter(e.status for e in result.intake)
    registered = [u for u in result.units if u.registered]
    submitted = [u for u in registered if u.submitted]
    late = [u for u in result.units if u.late]
    unknown = [u for u in result.units if not u.registered]
    ind = result.indicators
    achieved = sum(i.verdict in ("vuot", "dat") for i in ind)
    failed = sum(i.verdict == "khong_dat" for i in ind)
    progress = sum(i.verdict == "dang_thuc_hien" for i in ind)
    no_data = sum(i.verdict == "chua_co_so_lieu" for i in ind)
    scores = [u.score for u in result.units if u.score is not None]
    avg = sum(scores) / len(scores) if scores else None
    overdue = sum(t.overdue for t in result.tasks)
    severities = Counter(p.severity for p in result.problems)
    if lang == "vi":
        lines = [
            f"Tiếp nhận {len(result.intake)} tệp: {fates['used']} sử dụng, "
            f"{fates['superseded']} bị thay thế, {fates['duplicate']} trùng lặp, "
            f"{fates['rejected']} bị từ chối, {fates['ignored']} bỏ qua.",
            f"Đơn vị: {len(submitted)}/{len(registered)} đã nộp, {len(late)} nộp muộn, "
            f"{len(result.missing_units)} chưa nộp"
            + (f" ({', '.join(result.missing_units)})" if result.missing_units else "")
            + (f"; {len(unknown)} không có trong danh sách "
               f"({', '.join(u.code for u in unknown)})" if unknown else "") + ".",
            f"Chỉ tiêu: {achieved}/{len(ind)} đạt và vượt, {failed} không đạt, "
            f"{progress} đang thực hiện, {no_data} chưa có số liệu.",
            "Điểm bình quân: " + (_vn_number(avg) if avg is not None else "—")
            + f"; nhiệm vụ quá hạn: {overdue}; lỗi: {severities['error']}, cảnh báo: "
            f"{severities['warning']}, lưu ý: {severities['info']}.",
        ]
    else:
        lines = [
            f"Intake of {len(result.intake)} files: {fates['used']} used, "
            f"{fates['superseded']} superseded, {fates['duplicate']} duplicate, "
            f"{fates['rejected']} rejected, {fates['ignored']} ignored.",
            f"Units: {len(submitted)}/{len(registered)} submitted, {len(late)} late, "
            f"{len(result.missing_units)} missing"
            + (f" ({', '.join(result.missing_units)})" if result.missing_units else "")
            + (f"; {len(unknown)} not in the register "
               f"({', '.join(u.code for u in unknown)})" if unknown else "") + ".",
            f"Indicators: {achieved}/{len(ind)} achieved, {failed} not achieved, "
            f"{progress} in progress, {no_data} no data.",
            "Average score: " + (f"{avg:.1f}" if avg is not None else "—")
            + f"; overdue tasks: {overdue}; errors: {severities['error']}, warnings: "
            f"{severities['warning']}, notes: {severities['info']}.",
        ]
    return lines


@click.command("consolidate")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--round", "round_path", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="Sổ kỳ báo cáo (round.xlsx). Mặc định: round.xlsx trong "
              "thư mục hoặc thư mục cha, nếu có. / The round workbook.")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Thư mục ghi kết quả. Mặc định: output/ bên cạnh thư mục bài nộp của một "
              "kỳ do qmo init tạo, nếu không thì qmo-output/. / Output folder (default: the "
              "round folder's output/, else qmo-output/).")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d", "%d/%m/%Y"]),
              help="Ngày lập tổng hợp (cố định để kết quả giống hệt nhau). / Run date.")
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
@click.option("-q", "--quiet", is_flag=True, help="Không in tiến trình. / No progress bar.")
def consolidate_cmd(folder: Path, round_path: Path | None, out_dir: Path | None,
                    as_of: object, lang: str, jobs: int | None, export_json: Path | None,
                    export_csv: Path | None, no_feedback: bool, quiet: bool) -> None:
    """Tổng hợp, chấm điểm mọi báo cáo trong FOLDER và ghi sổ tổng hợp.

    Consolidates and scores every return under FOLDER: writes the summary workbook,
    feedback workbooks for units whose files have problems, and optional JSON/CSV exports.
    """
    from qmo_excel.jobs.consolidate import consolidate

    config = RoundConfig()
    round_path = round_path or _find_round(folder)
    if round_path is not None:
        from qmo_excel.round.reader import RoundError, read_round
        try:
            config = read_round(round_path)
        except RoundError as exc:
            raise click.ClickException(str(exc)) from exc
        if not quiet:
            click.echo(("Sổ kỳ báo cáo: " if lang == "vi" else "Round workbook: ")
                       + str(round_path), err=True)
    if out_dir is None:
        scaffolded = folder.resolve().parent / "output"
        beside_round = round_path is not None and round_path.resolve().parent == \
            folder.resolve().parent
        out_dir = scaffolded if beside_round and scaffolded.is_dir() else Path("qmo-output")
    run_date = as_of.date() if hasattr(as_of, "date") else date.today()
    show_bar = not quiet and sys.stderr.isatty() and not os.environ.get("CI")
    bar = None
    if show_bar:
        bar = click.progressbar(length=0, label="Đọc báo cáo" if lang == "vi" else "Reading",
                                file=sys.stderr)

    def progress(done: int, total: int) -> None:
        if bar is not None:
            bar.length = total
            bar.update(done - bar.pos)

    try:
        outcome = consolidate(folder, config=config, out_dir=out_dir, as_of=run_date,
                              lang=lang, jobs=jobs, export_json=export_json,
                              export_csv=export_csv, feedback=not no_feedback,
                              progress=progress if bar is not None else None)
    except OSError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        if bar is not None:
            bar.render_finish()
    for line in render_summary(outcome.result, lang):
        click.echo(line)
    label = ("Sổ tổng hợp", "Tệp góp ý", "Xuất dữ liệu") if lang == "vi" else (
        "Summary", "Feedback files", "Exports")
    click.echo(f"{label[0]}: {outcome.summary}")
    if outcome.feedback:
        click.echo(f"{label[1]}: {len(outcome.feedback)} "
                   f"({outcome.feedback[0].parent})")
    for rel, why in outcome.feedback_failed:
        click.echo((f"Không ghi được tệp góp ý cho {rel}: {why}" if lang == "vi" else
                    f"Could not write the feedback file of {rel}: {why}"), err=True)
    for path in outcome.exports:
        click.echo(f"{label[2]}: {path}")
