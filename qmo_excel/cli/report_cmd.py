"""`qmo report`: the round's signed report (.docx) written again from a finished round."""

from __future__ import annotations

from pathlib import Path

import click

from qmo_excel import spec
from qmo_excel.cli.errors import QmoCommand, os_error


@click.command("report", cls=QmoCommand)
@click.argument("source", required=False,
                type=click.Path(exists=True, path_type=Path))
@click.option("--round", "round_path", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="Sổ kỳ báo cáo (round.xlsx) lấy cài đặt của báo cáo. Mặc "
              "định: round.xlsx của kỳ. / The round workbook whose report settings to use.")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="Tệp .docx ghi ra. Mặc định: bên cạnh sổ tổng hợp. / The .docx to write "
              "(default: beside the summary).")
@click.option("--lang", type=click.Choice(spec.LANGS), default="vi", show_default=True,
              help="Ngôn ngữ của báo cáo (en: bản tiếng Anh cho đối tác). / Language of the "
              "report.")
@click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Mẫu Word riêng của Văn phòng (thay cho mẫu trong sổ kỳ báo cáo hoặc mẫu "
              "có sẵn). / The office's own Word template.")
@click.option("--save-template", type=click.Path(dir_okay=False, path_type=Path),
              help="Chỉ ghi mẫu có sẵn ra tệp này để Văn phòng sửa tiêu đề trong Word, rồi "
              "thoát. / Write the built-in template to this file (to edit in Word) and exit.")
def report_cmd(source: Path | None, round_path: Path | None, out: Path | None, lang: str,
               template: Path | None, save_template: Path | None) -> None:
    """Lập lại báo cáo kết quả thực hiện MTCL (.docx) của một kỳ đã tổng hợp.

    Writes the round's report (the Word document "Báo cáo kết quả thực hiện Mục tiêu chất
    lượng", ready to review, number and sign) again from SOURCE: a round folder made by
    qmo init, the output folder of qmo consolidate, or its data file. The returns are not
    read again; the report settings are read from the round workbook as they are now.
    """
    from qmo_excel.report import ReportError
    from qmo_excel.report import save_template as save
    from qmo_excel.report.again import rewrite_report
    from qmo_excel.report.data import DataError
    from qmo_excel.round.reader import RoundError

    if save_template is not None:
        try:
            click.echo(save(save_template))
        except OSError as exc:
            raise click.ClickException(os_error(exc, lang)) from None
        return
    if source is None:
        raise click.UsageError(
            "Cần chỉ ra kỳ đã tổng hợp (SOURCE: thư mục kỳ báo cáo, thư mục kết quả hoặc tệp "
            "dữ liệu), hoặc --save-template." if lang == "vi" else
            "SOURCE is needed (a round folder, its output folder or the data file), or "
            "--save-template.")
    try:
        done = rewrite_report(source, round_path=round_path, out=out, lang=lang,
                              template=template)
    except (DataError, ReportError) as exc:
        raise click.ClickException(exc.message(lang)) from None
    except RoundError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(os_error(exc, lang)) from None
    label = ("Báo cáo", "Dữ liệu", "Sổ kỳ báo cáo") if lang == "vi" else (
        "Report", "Data", "Round workbook")
    click.echo(f"{label[0]}: {done.path}")
    click.echo(f"{label[1]}: {done.data}")
    if done.round is not None:
        click.echo(f"{label[2]}: {done.round}")
