"""`qmo history`: the rounds recorded so far, the trend of a unit or an indicator, and the
history's tables as CSV."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import click

from qmo_excel import vocab
from qmo_excel.cli.errors import QmoCommand
from qmo_excel.summary.labels import num

HEADERS = {
    "vi": {"body": "Đơn vị tổng hợp", "period": "Kỳ", "as_of": "Số liệu đến",
           "units_submitted": "Đã nộp", "indicators": "Chỉ tiêu", "achieved": "Đạt",
           "share_achieved": "Tỷ lệ đạt", "average_score": "Điểm BQ",
           "town_objectives_achieved": "Mục tiêu chung đạt", "level": "Cấp",
           "band": "Xếp loại", "score": "Điểm", "exceeded": "Vượt",
           "not_achieved": "Không đạt", "in_progress": "Đang thực hiện",
           "no_data": "Chưa có số liệu", "tasks_overdue": "Nhiệm vụ quá hạn",
           "at_risk": "Có nguy cơ không đạt", "behind": "Chậm tiến độ",
           "result_text": "Kết quả", "verdict": "Đánh giá", "percent_of_plan": "% kế hoạch",
           "unit_code": "Đơn vị", "code": "Mã", "text": "Chỉ tiêu", "what": ""},
    "en": {"body": "Body", "period": "Round", "as_of": "As of",
           "units_submitted": "Reported", "indicators": "Indicators",
           "achieved": "Achieved", "share_achieved": "Share achieved",
           "average_score": "Avg score", "town_objectives_achieved": "Town objectives",
           "level": "Level", "band": "Band", "score": "Score", "exceeded": "Exceeded",
           "not_achieved": "Not achieved", "in_progress": "In progress",
           "no_data": "No data", "tasks_overdue": "Tasks overdue", "result_text": "Result",
           "at_risk": "At risk", "behind": "Behind schedule",
           "verdict": "Verdict", "percent_of_plan": "% of plan", "unit_code": "Unit",
           "code": "Code", "text": "Indicator", "what": ""},
}
LEVEL = {"town": ("thị xã", "town"), "province": ("tỉnh", "province")}


def _periods(lang: str) -> dict[str, str]:
    return {p.value: p.label(lang) for p in vocab.Period}


def _cell(value: Any, what: str, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if what == "band":
        return vocab.Band.label_of(value, lang)
    if what == "verdict":
        return vocab.Verdict.label_of(value, lang)
    if what in ("share_achieved", "percent_of_plan"):
        return f"{num(float(value), 1, lang)}%"
    if what in ("score", "average_score"):
        return num(float(value), 1, lang)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _band(value: Any, provisional: Any, lang: str) -> str:
    text = _cell(value, "band", lang)
    if provisional and text != "—":
        return f"{text} ({'tạm tính' if lang == 'vi' else 'provisional'})"
    return text


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True))
                     .rstrip())
    return "\n".join(lines)


@click.command("history", cls=QmoCommand)
@click.argument("where", required=False, default=".",
                type=click.Path(exists=True, path_type=Path))
@click.option("--unit", "unit", metavar="CODE", help="Xu hướng của một đơn vị qua các kỳ. / "
              "The trend of one unit over the rounds.")
@click.option("--indicator", "indicator", metavar="CODE", help="Xu hướng của một chỉ tiêu "
              "(mã, hoặc chữ trong tên chỉ tiêu; cùng --unit để chỉ một đơn vị). / The trend "
              "of an indicator (a code or words of its text; with --unit for one unit).")
@click.option("--body", metavar="NAME", help="Chỉ các kỳ của một đơn vị tổng hợp (khi tệp có "
              "nhiều). / Only the rounds of one body (when the file holds several).")
@click.option("--export-csv", "export_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Ghi các bảng của lịch sử ra CSV trong thư mục. / Write the history's "
              "tables as CSV.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
              help="Ngôn ngữ. / Language.")
def history_cmd(where: Path, unit: str | None, indicator: str | None, body: str | None,
                export_dir: Path | None, lang: str) -> None:
    """Các kỳ đã ghi trong lịch sử, xu hướng của một đơn vị hoặc một chỉ tiêu.

    Lists the rounds recorded in the history (WHERE: the history file, or a folder whose
    history is used; default: the working folder), or with --unit / --indicator the trend
    of a unit or an indicator over the rounds; --export-csv writes its tables.
    """
    from qmo_excel.history import HistoryError, find_history, open_history, query

    try:
        path = find_history(where)
        conn = open_history(path, create=False)
    except HistoryError as exc:
        raise click.ClickException(exc.message(lang)) from exc
    labels = _periods(lang)
    h = HEADERS[lang]
    try:
        if export_dir is not None:
            for written in query.export_csv(conn, export_dir, labels):
                click.echo(("Đã ghi: " if lang == "vi" else "Wrote: ") + str(written))
            return
        if unit and not indicator:
            frame = query.unit_trend(conn, unit, labels, body)
            if frame.empty:
                raise click.ClickException(
                    f"Không có đơn vị {unit} trong {path}." if lang == "vi" else
                    f"No unit {unit} in {path}.")
            provisional = list(frame.loc["provisional"])
            rows = [[h[m], *(_band(v, p, lang) if m == "band" else _cell(v, m, lang)
                             for v, p in zip(frame.loc[m], provisional, strict=True))]
                    for m in frame.index if m != "provisional"]
            click.echo(_table(rows, [str(frame.columns.name or unit),
                                     *map(str, frame.columns)]))
            return
        if indicator:
            frame = query.indicator_trend(conn, indicator, labels, unit, body)
            if frame.empty:
                raise click.ClickException(
                    f"Không có chỉ tiêu “{indicator}” trong {path}." if lang == "vi" else
                    f"No indicator “{indicator}” in {path}.")
            rows = []
            rounds = [str(c) for c in frame.columns]
            for rec in frame.reset_index().to_dict("records"):
                u, code, text, what = (str(rec[k]) for k in ("unit_code", "code", "text",
                                                             "what"))
                short = text if len(text) <= 48 else text[:47] + "…"
                rows.append([u, code, short, h[what], *(_cell(rec[c], what, lang)
                                                        for c in rounds)])
            click.echo(_table(rows, [h["unit_code"], h["code"], h["text"], "",
                                     *map(str, frame.columns)]))
            return
        frame = query.rounds(conn, body)
        if frame.empty:
            click.echo("Chưa có kỳ nào." if lang == "vi" else "No round recorded yet.")
            return
        cols = ["body", "period", "as_of", "units_submitted", "indicators", "achieved",
                "share_achieved", "average_score"]
        rows = []
        for r in frame.to_dict("records"):
            r["period"] = f"{labels.get(r['period'], r['period'])} {r['year']}"
            r["as_of"] = "/".join(reversed(str(r["as_of"]).split("-")))
            rows.append([_cell(r[c], c, lang) for c in cols])
        click.echo(_table(rows, [h[c] for c in cols]))
        click.echo(("Tệp lịch sử: " if lang == "vi" else "History file: ") + str(path))
    finally:
        conn.close()
