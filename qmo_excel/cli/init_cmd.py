"""`qmo init`: scaffold a round's working folder."""

from __future__ import annotations

from pathlib import Path

import click

from qmo_excel import spec
from qmo_excel.cli.errors import QmoCommand
from qmo_excel.cli.template_cmd import warn_missing_targets
from qmo_excel.round.reader import RoundError, example_round
from qmo_excel.round.scaffold import InitError, init_round_folder

_STATUS = {"vi": {"created": "tạo mới", "kept": "giữ nguyên"},
           "en": {"created": "created", "kept": "kept"}}


@click.command("init", cls=QmoCommand)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--example", is_flag=True,
              help="Điền sẵn ví dụ (UBND thị xã Hương Trà, 6 tháng 2023: danh sách đơn vị, "
                   "chỉ tiêu giao). / Fill in the example round.")
@click.option("--lang", type=click.Choice(spec.LANGS), default="vi", show_default=True,
              help="Ngôn ngữ của các tệp tạo ra. / Language of the files.")
@click.option("--force", is_flag=True,
              help="Cho phép thư mục đã có tệp: chỉ tạo phần còn thiếu, không ghi đè tệp "
                   "nào. / Allow a non-empty folder; nothing is overwritten.")
def init_cmd(folder: Path, example: bool, lang: str, force: bool) -> None:
    """Tạo thư mục làm việc cho một kỳ báo cáo: round.xlsx, returns/, output/, templates/.

    Scaffolds FOLDER for one reporting round: the round workbook, the folder for the
    units' returns, the output folder, the templates to send, and a README.txt.
    """
    try:
        made = init_round_folder(folder, example=example, lang=lang, force=force)
    except (InitError, RoundError) as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"Không tạo được “{folder}”: {exc.strerror}") from None
    names = _STATUS["en" if lang == "en" else "vi"]
    for m in made:
        suffix = "/" if m.path.is_dir() else ""
        click.echo(f"{names[m.status]:<11} {m.path}{suffix}")
    if example:
        warn_missing_targets(example_round())
    click.echo("")
    click.echo("Xem README.txt để biết các bước tiếp theo." if lang == "vi"
               else "See README.txt for the next steps.")
