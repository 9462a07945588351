"""`qmo explain`: show how a target (and a result) or a plan timeline is read and judged."""

from __future__ import annotations

import datetime
import json

import click

from qmo_excel.cli.errors import QmoCommand
from qmo_excel.judge import (
    explain,
    parse_direction,
    parse_period,
    read_timeline,
    render_text,
    render_timeline,
)


@click.command("explain", cls=QmoCommand)
@click.argument("target", required=False)
@click.argument("result", required=False)
@click.option(
    "--indicator",
    default="",
    metavar="TEXT",
    help="Tên chỉ tiêu (giúp xác định chiều, đơn vị). / The indicator's name.",
)
@click.option(
    "--direction",
    default=None,
    metavar="DIR",
    help="higher_is_better | lower_is_better (hoặc 'Càng cao càng tốt' / "
    "'Càng thấp càng tốt'); mặc định: tự suy ra. / Default: inferred.",
)
@click.option(
    "--period",
    default="year",
    show_default=True,
    metavar="PERIOD",
    help="Kỳ báo cáo: q1 q2 h1 q3 m9 q4 year (hoặc 'Quý I', '6 tháng', '10 tháng', "
    "'đến 31/10', 'Năm'). / Reporting period.",
)
@click.option(
    "--year",
    type=int,
    default=None,
    help="Năm của kế hoạch (cho --timeline; mặc định năm nay). / The plan's year.",
)
@click.option(
    "--timeline",
    default=None,
    metavar="TEXT",
    help="Đọc một ô thời gian thực hiện thay vì chỉ tiêu. / Read a plan timeline.",
)
@click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default="vi",
    show_default=True,
    help="Ngôn ngữ của phần giải thích. / Language of the explanation.",
)
@click.option(
    "--json", "as_json", is_flag=True, help="In kết quả dạng JSON. / Print JSON instead of text."
)
def explain_cmd(
    target: str | None,
    result: str | None,
    indicator: str,
    direction: str | None,
    period: str,
    year: int | None,
    timeline: str | None,
    lang: str,
    as_json: bool,
) -> None:
    """Giải thích cách đọc và đánh giá một chỉ tiêu: qmo explain "trên 95%" "86,2%".

    Explains how TARGET (and RESULT, if given) is read and judged, or with --timeline how a
    plan's time cell is read for --year.
    """
    if timeline is not None:
        if target is not None:
            raise click.UsageError("--timeline không dùng cùng TARGET / RESULT")
        data = read_timeline(timeline, year or datetime.date.today().year).to_dict()
        click.echo(
            json.dumps(data, ensure_ascii=False, indent=2)
            if as_json
            else render_timeline(data, lang)
        )
        return
    if target is None:
        raise click.UsageError("Cần TARGET (hoặc --timeline TEXT)")
    try:
        parse_direction(direction)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--direction") from exc
    try:
        parse_period(period)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--period") from exc
    data = explain(
        target, result, indicator=indicator, direction=direction, period=period, year=year
    )
    click.echo(
        json.dumps(data, ensure_ascii=False, indent=2) if as_json else render_text(data, lang)
    )
