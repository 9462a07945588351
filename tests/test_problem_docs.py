"""docs/problems.md is generated from the catalogue; it must match what the script writes."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from qmo_excel.problems import CATALOGUE

ROOT = Path(__file__).resolve().parent.parent


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_problem_docs",
                                                  ROOT / "scripts" / "make_problem_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_docs_match_the_catalogue() -> None:
    committed = (ROOT / "docs" / "problems.md").read_text(encoding="utf-8")
    assert committed == _script().render(), (
        "docs/problems.md is stale: run `python scripts/make_problem_docs.py`")


def test_every_code_is_documented_and_well_formed() -> None:
    text = (ROOT / "docs" / "problems.md").read_text(encoding="utf-8")
    for code, t in CATALOGUE.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code)
        assert f"`{code}`" in text
        assert t.title_vi and t.title_en and t.message_vi and t.message_en
