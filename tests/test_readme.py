"""The README tells the truth: its two commands, and what the main job prints."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

from click.testing import CliRunner

from qmo_excel.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _bash_blocks() -> list[str]:
    return re.findall(r"```bash\n(.*?)```", README, re.S)


def test_readme_gives_the_two_newcomer_commands() -> None:
    blocks = _bash_blocks()
    main_job, tests = blocks[0].strip(), blocks[1].strip()
    venv = "python3 -m venv .venv && . .venv/bin/activate && "
    assert main_job.startswith(venv + "pip install -e . && qmo consolidate samples/returns")
    assert tests.startswith(venv + "pip install -e '.[test]' && ")
    assert "pytest" in tests
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci.splitlines(), ".ci/run runs the README's test command"


def test_main_job_prints_what_the_readme_shows(tmp_path: Path, monkeypatch) -> None:
    main_job = _bash_blocks()[0].strip().split("&& qmo ", 1)[1].strip()
    argv = shlex.split(main_job)
    shown = re.search(r"```console\n\$ qmo (.*?)\n(.*?)```", README, re.S)
    assert shown, "README shows the main job's output"
    assert shlex.split(shown.group(1)) == argv
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*argv, "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == shown.group(2).strip()
    assert (tmp_path / "ket-qua" / "ket-qua.json").is_file()
    assert (ROOT / "docs" / "overview.png").stat().st_size > 20_000
