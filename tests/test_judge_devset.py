"""The judge on real target/result pairs from public Vietnamese reports (issue 15).

``tests/data/judge_devset.jsonl`` holds pairs copied from public provincial, district and
commune reports, one JSON object a line: ``id``, ``indicator``, ``target``, ``result``,
``period`` ("year", "q1", "h1", "9m", "10m"…), ``expected`` (the verdict the document
states or the numbers force), ``progress`` (part-year only), ``source`` (the page),
``quote`` (the sentence), ``family`` (the phrasing family of issue 15). A line whose label
was corrected after checking its quote says why in ``fixed``.

Every pair is run the way the product runs a row (``read_row`` with the period). The test
prints the agreement (verdicts, progress statuses, per family) and fails when verdict
agreement is below 95%, when progress agreement is below 90%, or when any wrong verdict is
marked ``certain`` (the worst outcome: it reaches leadership unflagged). Run
``pytest tests/test_judge_devset.py -s`` to see the report.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from qmo_excel.judge import read_row

DATA = Path(__file__).parent / "data" / "judge_devset.jsonl"
VERDICTS = {"vuot", "dat", "khong_dat", "dang_thuc_hien"}
PROGRESS = {None, "dung_tien_do", "cham_tien_do", "nguy_co"}


def _pairs() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _run(pairs: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], str]:
    rows = []
    for p in pairs:
        j = read_row(p["target"], p["result"], indicator=p["indicator"],
                     period=p["period"]).judgement
        rows.append({**p, "verdict": j.verdict, "got_progress": j.progress,
                     "confidence": j.confidence, "notes": j.notes})
    n = len(rows)
    ok = [r for r in rows if r["verdict"] == r["expected"]]
    pok = [r for r in rows if r["got_progress"] == r["progress"]]
    wrong_certain = [r for r in rows
                     if r["verdict"] != r["expected"] and r["confidence"] == "certain"]
    lines = [f"devset: {n} pairs; verdicts {len(ok)}/{n} ({len(ok) / n:.1%}); "
             f"progress {len(pok)}/{n} ({len(pok) / n:.1%}); "
             f"wrong and certain: {len(wrong_certain)}"]
    fam: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        fam[r["family"]][0] += r["verdict"] == r["expected"]
        fam[r["family"]][1] += 1
    lines += [f"  {k}: {a}/{b}" for k, (a, b) in sorted(fam.items())]
    conf: dict[str, int] = defaultdict(int)
    for r in rows:
        conf[r["confidence"]] += 1
    lines.append("  confidence: " + ", ".join(f"{k} {v}" for k, v in sorted(conf.items())))
    for r in rows:
        if r["verdict"] != r["expected"] or r["got_progress"] != r["progress"]:
            lines.append(f"  {r['id']} [{r['period']}] {r['target']!r} | {r['result']!r}: "
                         f"expected {r['expected']}/{r['progress']}, got {r['verdict']}/"
                         f"{r['got_progress']} ({r['confidence']})")
    return rows, "\n".join(lines)


def test_devset_is_well_formed() -> None:
    pairs = _pairs()
    assert len(pairs) >= 300
    ids = [p["id"] for p in pairs]
    assert len(ids) == len(set(ids))
    for p in pairs:
        assert p["expected"] in VERDICTS, p
        assert p["progress"] in PROGRESS, p
        assert (p["expected"] == "dang_thuc_hien") <= (p["progress"] is not None), p
        for key in ("indicator", "target", "result", "source", "quote", "period", "family"):
            assert isinstance(p[key], str) and p[key].strip(), (key, p)
        assert p["source"].startswith("http"), p


def test_devset_agreement(capsys: pytest.CaptureFixture[str]) -> None:
    rows, report = _run(_pairs())
    with capsys.disabled():
        print("\n" + report)
    n = len(rows)
    verdicts = sum(r["verdict"] == r["expected"] for r in rows) / n
    progress = sum(r["got_progress"] == r["progress"] for r in rows) / n
    wrong_certain = [r["id"] for r in rows
                     if r["verdict"] != r["expected"] and r["confidence"] == "certain"]
    assert wrong_certain == [], report
    assert verdicts >= 0.95, report
    assert progress >= 0.90, report
