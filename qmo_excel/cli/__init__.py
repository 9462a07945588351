"""The `qmo` command: a thin adapter over the library.

Each command lives in its own module, parses options, calls one public function of the
library and renders its result. Exit codes: 0 success (or a valid file), 1 problems
found or a runtime error, 2 a usage error.
"""

from __future__ import annotations

import click

from qmo_excel import __version__
from qmo_excel.cli.consolidate_cmd import consolidate_cmd
from qmo_excel.cli.errors import QmoGroup
from qmo_excel.cli.explain_cmd import explain_cmd
from qmo_excel.cli.history_cmd import history_cmd
from qmo_excel.cli.init_cmd import init_cmd
from qmo_excel.cli.report_cmd import report_cmd
from qmo_excel.cli.template_cmd import template_cmd
from qmo_excel.cli.validate_cmd import validate_cmd


@click.group(cls=QmoGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="qmo")
def main() -> None:
    """qmo: chạy một kỳ báo cáo mục tiêu chất lượng (MTCL, ISO 9001) bằng Excel.

    Runs one reporting round of ISO 9001 quality objectives with Excel: templates for
    units, validation of their returns, the consolidated summary for leadership and the
    report it signs.
    """


main.add_command(template_cmd)
main.add_command(init_cmd)
main.add_command(validate_cmd)
main.add_command(consolidate_cmd)
main.add_command(explain_cmd)
main.add_command(report_cmd)
main.add_command(history_cmd)
