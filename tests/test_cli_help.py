"""Every command and option of `qmo` has help text (a command without help is a defect)."""

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from qmo_excel.cli import main

COMMANDS = sorted(main.commands)


def test_all_expected_commands_exist() -> None:
    assert set(COMMANDS) >= {"template", "init", "validate", "consolidate", "explain"}


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(name: str) -> None:
    cmd = main.commands[name]
    assert cmd.help and len(cmd.help.strip()) > 20, f"{name} has no help"
    assert "not built" not in cmd.help.lower()
    for param in cmd.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts} has no help"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Cách dùng" in result.output


def test_main_help_and_module_entry_point() -> None:
    out = subprocess.run([sys.executable, "-m", "qmo_excel", "--help"], capture_output=True,
                         text=True, check=True).stdout
    for name in COMMANDS:
        assert name in out
