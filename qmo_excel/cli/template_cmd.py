"""`qmo template`: the blank unit template, its field map, or one pre-filled file per unit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import cast

import click

from qmo_excel import spec
from qmo_excel.cli.errors import QmoCommand
from qmo_excel.model import RoundConfig
from qmo_excel.round.reader import RoundError, read_round
from qmo_excel.template import (
    TEMPLATE_FILES,
    prefilled_name,
    write_prefilled,
    write_unit_workbook,
)
from qmo_excel.template.prefill import assignments_without_target


@click.command("template", cls=QmoCommand)
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Tệp .xlsx cần ghi (mặc định: mau-bao-cao-mtcl.xlsx); với --round là "
                   "thư mục chứa các mẫu điền sẵn. / Output file, or folder with --round.")
@click.option("--lang", type=click.Choice(spec.LANGS), default="vi", show_default=True,
              help="Ngôn ngữ của mẫu: vi (tiếng Việt) hoặc en. / Template language.")
@click.option("--describe", is_flag=True,
              help="In ra (JSON) vị trí của mọi trường: trang, dòng tiêu đề, cột, ô. "
                   "/ Print where every field lives, as JSON.")
@click.option("--round", "round_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Tệp kỳ báo cáo (round.xlsx): tạo mẫu điền sẵn cho đơn vị trong danh "
                   "sách. / Round workbook: write pre-filled returns.")
@click.option("--all", "all_units", is_flag=True,
              help="Với --round: tạo cho mọi đơn vị trong danh sách. / Every unit.")
@click.option("--unit", "units", multiple=True, metavar="MÃ",
              help="Với --round: chỉ đơn vị có mã này (dùng nhiều lần được). / Only this unit.")
@click.option("--force", is_flag=True,
              help="Ghi đè tệp đã có. / Overwrite existing files.")
def template_cmd(output: Path | None, lang: str, describe: bool, round_path: Path | None,
                 all_units: bool, units: tuple[str, ...], force: bool) -> None:
    """Tạo mẫu báo cáo MTCL cho đơn vị (trống, hoặc điền sẵn theo tệp kỳ báo cáo).

    Writes the blank unit template, prints its field map (--describe), or writes one
    pre-filled return per unit of a round workbook (--round ROUND.xlsx --all -o DIR).
    """
    if describe:
        described = spec.describe(cast(spec.Lang, lang))
        click.echo(json.dumps(described, ensure_ascii=False, indent=2))
        return
    if round_path is not None:
        _prefilled(round_path, output, lang, all_units, units, force)
        return
    if all_units or units:
        raise click.UsageError("--all và --unit chỉ dùng cùng --round TỆP_KỲ_BÁO_CÁO.")
    target = output or Path(TEMPLATE_FILES[lang])
    if target.is_dir():
        target = target / TEMPLATE_FILES[lang]
    if target.exists() and not force:
        raise click.ClickException(f"Tệp “{target}” đã có; dùng --force để ghi đè.")
    try:
        write_unit_workbook(target, lang=lang)
    except OSError as exc:
        raise click.ClickException(f"Không ghi được “{target}”: {exc.strerror}") from None
    click.echo(str(target))


def _prefilled(round_path: Path, output: Path | None, lang: str, all_units: bool,
               units: tuple[str, ...], force: bool) -> None:
    if output is None:
        raise click.UsageError("Cần -o THƯ_MỤC để ghi các mẫu điền sẵn.")
    if not all_units and not units:
        raise click.UsageError("Chọn --all (mọi đơn vị) hoặc --unit MÃ.")
    if output.exists() and not output.is_dir():
        raise click.UsageError(f"“{output}” là một tệp; với --round, -o là thư mục.")
    try:
        config = read_round(round_path)
    except RoundError as exc:
        raise click.ClickException(str(exc)) from None
    if not config.register:
        raise click.ClickException(
            f"Tệp kỳ báo cáo “{round_path}” chưa có đơn vị nào ở trang "
            f"«{spec.REGISTER.name(cast(spec.Lang, lang))}». Hãy điền danh sách đơn vị trước.")
    known = {u.code.casefold() for u in config.register}
    unknown = [u for u in units if u.casefold() not in known]
    if unknown:
        raise click.ClickException(f"Không có đơn vị mã {', '.join(unknown)} trong danh sách.")
    chosen = None if all_units else list(units)
    if not force:
        existing = [output / prefilled_name(config, u.code) for u in config.register
                    if chosen is None or u.code.casefold() in {c.casefold() for c in chosen}]
        existing = [p for p in existing if p.exists()]
        if existing:
            raise click.ClickException(
                f"Đã có {len(existing)} tệp (ví dụ “{existing[0]}”); dùng --force để ghi đè.")
    try:
        paths = write_prefilled(config, output, lang=lang, units=chosen)
    except OSError as exc:
        raise click.ClickException(f"Không ghi được vào “{output}”: {exc.strerror}") from None
    for path in paths:
        click.echo(str(path))
    warn_missing_targets(config, chosen)


def warn_missing_targets(config: RoundConfig, units: list[str] | None = None) -> None:
    """One warning per assignment a unit cannot report on (no target)."""
    wanted = None if units is None else {u.casefold() for u in units}
    for a in assignments_without_target(config):
        if wanted is not None and a.unit_code.casefold() not in wanted:
            continue
        click.echo(f"Cảnh báo: chỉ tiêu {a.code} “{a.text}” giao cho {a.unit_code} chưa có "
                   "chỉ tiêu kế hoạch; đơn vị sẽ không báo cáo được. Hãy ghi chỉ tiêu kế "
                   "hoạch ở trang «Giao chỉ tiêu» của round.xlsx rồi tạo lại mẫu (--force).",
                   err=True)
