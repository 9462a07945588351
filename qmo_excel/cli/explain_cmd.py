"""`qmo explain`: show how a target (and a result) or a plan timeline is read and judged."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

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
    "--round",
    "round_folder",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="Kỳ đã tổng hợp (thư mục kết quả, thư mục kỳ hoặc tệp vết kiểm tra): khi đó hai đối "
    "số là MÃ ĐƠN VỊ và MÃ CHỈ TIÊU. / A finished round (its output folder, round folder "
    "or audit manifest): the two arguments are then UNIT and INDICATOR.",
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
    round_folder: Path | None,
    lang: str,
    as_json: bool,
) -> None:
    """Giải thích cách đọc và đánh giá một chỉ tiêu: qmo explain "trên 95%" "86,2%".

    Explains how TARGET (and RESULT, if given) is read and judged, or with --timeline how a
    plan's time cell is read for --year. With --round FOLDER UNIT INDICATOR: how one
    verdict of a finished round was reached, from the round's audit manifest.
    """
    if round_folder is not None:
        if target is None or result is None:
            raise click.UsageError("--round cần MÃ ĐƠN VỊ và MÃ CHỈ TIÊU / --round needs "
                                   "UNIT and INDICATOR")
        explain_round(round_folder, target, result, lang, as_json)
        return
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


def explain_round(where: Path, unit: str, indicator: str, lang: str, as_json: bool) -> None:
    """How one verdict of a finished round was reached, from its manifest."""
    from qmo_excel.history.manifest import (
        ManifestError,
        find_indicator,
        find_manifest,
        load_manifest,
    )

    try:
        path = find_manifest(where)
        manifest = load_manifest(path)
    except ManifestError as exc:
        raise click.ClickException(exc.message(lang)) from exc
    found = find_indicator(manifest, unit, indicator)
    if not found:
        known = sorted({str(r.get("code")) for r in manifest.get("indicators", [])
                        if str(r.get("unit", "")).casefold() == unit.casefold()})
        if lang == "vi":
            msg = (f"Không có chỉ tiêu “{indicator}” của đơn vị {unit} trong {path}."
                   + (f" Các mã có: {', '.join(known)}." if known else
                      " Đơn vị này không có chỉ tiêu nào trong kỳ."))
        else:
            msg = (f"No indicator “{indicator}” of unit {unit} in {path}."
                   + (f" Its codes: {', '.join(known)}." if known else
                      " The unit has no indicator in this round."))
        raise click.ClickException(msg)
    if as_json:
        click.echo(json.dumps(found if len(found) > 1 else found[0], ensure_ascii=False,
                              indent=2))
        return
    blocks = [render_verdict(manifest, path, rec, lang) for rec in found]
    click.echo("\n\n".join(blocks))


_WORDS = {
    "vi": {"round": "Kỳ báo cáo", "as_of": "số liệu đến", "manifest": "Vết kiểm tra",
           "unit": "Đơn vị", "file": "Tệp", "indicator": "Chỉ tiêu", "objective": "mục tiêu",
           "row": "dòng", "rule": "Quy tắc", "final": "Kết luận",
           "computed": "theo số liệu", "self_assessment": "theo đơn vị tự đánh giá",
           "self": "Đơn vị tự đánh giá", "mismatch": "khác với kết quả tính",
           "pct": "kế hoạch", "progress": "Tiến độ", "weight": "trọng số"},
    "en": {"round": "Round", "as_of": "figures as of", "manifest": "Audit manifest",
           "unit": "Unit", "file": "File", "indicator": "Indicator", "objective": "objective",
           "row": "row", "rule": "Rule", "final": "Verdict", "computed": "from the figures",
           "self_assessment": "by the unit's self-assessment", "self": "Self-assessed",
           "mismatch": "differs from the computed verdict", "pct": "of plan",
           "progress": "Progress", "weight": "weight"},
}


def _num(value: float, lang: str) -> str:
    text = f"{value:,.1f}".rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def render_verdict(manifest: dict[str, Any], path: Path, rec: dict[str, Any],
                   lang: str) -> str:
    """The text of ``qmo explain --round``: the round, the unit's file, the reading, the
    rule and the verdict."""
    from qmo_excel import spec
    from qmo_excel.judge.audit import describe_rule, expand

    lg: spec.Lang = "en" if lang == "en" else "vi"
    w = _WORDS[lg]
    head = manifest.get("round", {})
    tool = manifest.get("tool", {})
    period = spec.label_of(spec.CHOICES["period"], str(head.get("period", "")), lg)
    as_of = str(head.get("as_of") or "")
    if len(as_of) == 10 and as_of[4] == "-":
        as_of = f"{as_of[8:10]}/{as_of[5:7]}/{as_of[:4]}"
    body = f"{head.get('body')} – " if head.get("body") else ""
    lines = [f"{w['round']}: {body}{period} {head.get('year')} ({w['as_of']} {as_of}); "
             f"qmo {tool.get('version', '?')}",
             f"{w['manifest']}: {path}"]
    units = {str(u.get("code")): u for u in manifest.get("units", [])}
    unit = units.get(str(rec.get("unit")), {})
    lines.append(f"{w['unit']}: {rec.get('unit')} – {unit.get('name', '')}".rstrip(" –"))
    inputs = {str(i.get("file")): i for i in manifest.get("inputs", [])}
    source = inputs.get(str(unit.get("file", "")))
    if source is not None:
        fate = {"used": ("Sử dụng", "Used")}.get(str(source.get("fate")), (
            str(source.get("fate")),) * 2)[0 if lg == "vi" else 1]
        lines.append(f"{w['file']}: {source.get('file')} ({fate}; SHA-256 "
                     f"{source.get('sha256')})")
    lines.append(f"{w['indicator']} {rec.get('code')} ({w['objective']} "
                 f"{rec.get('objective')}, {w['row']} {rec.get('row')}; {w['weight']} "
                 f"{_num(float(rec.get('weight') or 1), lg)}): {rec.get('text')}")
    reading = rec.get("reading")
    data = expand(reading) if reading else None
    if data is not None:
        lines.append(render_text(data, lg))
    rule = str(rec.get("rule") or "")
    if rule:
        lines.append(f"{w['rule']}: {describe_rule(rule, data['target'] if data else None, lg)}")
    verdict = spec.label_of(spec.VERDICTS, str(rec.get("verdict")), lg)
    pct = rec.get("percent_of_plan")
    pct_text = f" ({_num(float(pct), lg)}% {w['pct']})" if isinstance(pct, int | float) else ""
    source_word = w.get(str(rec.get("verdict_source")), "")
    lines.append(f"{w['final']}: {verdict}{pct_text}, {source_word}")
    if rec.get("progress"):
        lines.append(f"{w['progress']}: {rec['progress']}")
    if rec.get("self_assessment"):
        said = spec.label_of(spec.VERDICTS, str(rec["self_assessment"]), lg)
        lines.append(f"{w['self']}: {said}" + (f" ({w['mismatch']})" if rec.get("mismatch")
                                                  else ""))
    return "\n".join(lines)
