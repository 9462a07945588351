"""The 291-file robustness corpus through `qmo validate`, as the office would run it.

One run of ``python -m qmo_excel validate <corpus> --format json`` (2 workers) must give
every file exactly one status entry that agrees with the manifest's ``expected`` class,
print no traceback, spend at most 10 s on any file, keep the whole process tree under
1 GiB, and leave every input byte-for-byte unchanged. The files that legitimately end
elsewhere than their class says are listed one by one in ``EXCEPTIONS`` with the reason.
A second test loads *every* sheet of every workbook precheck accepts (deeper than a
return needs) to prove the pool contains calamine's crashes on real files.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from qmo_excel.intake.precheck import precheck
from qmo_excel.jobs.pool import Failure, run_isolated

ROOT = Path(__file__).resolve().parent.parent
# shared/ sits beside the project (as in CI); /work/shared when the clone is elsewhere.
CORPUS = next((p for p in (ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus"))
               if p.is_dir()), ROOT.parent / "shared" / "corpus")
pytestmark = [pytest.mark.slow]

MAX_SECONDS_PER_FILE = 10.0
MAX_TREE_MIB = 1024


def test_corpus_is_present() -> None:
    assert (CORPUS / "MANIFEST.tsv").is_file(), f"the corpus must be at {CORPUS}"


ENCRYPTED = {"file-encrypted", "file-default-password"}
FORMAT = {"file-old-format", "file-legacy-format"}


def outcome(record: dict[str, Any], codes: set[str]) -> str:
    """The class a file's status entry puts it in, in the manifest's words."""
    if record["status"] == "ignored":
        return "ignored"
    if codes & ENCRYPTED:
        return "encrypted"
    if codes & FORMAT:
        return "unsupported-format"
    if record["status"] in ("valid", "invalid") or "file-wrong-template" in codes:
        return "ok-xlsx"  # read: a workbook, though not our template
    return "rejected"


# manifest "expected" -> the class of our outcome. Corrupt and hostile files must be
# rejected with a reason, whatever the reason: a fuzzed .xls may be refused as encrypted
# (a FILEPASS marker), as unreadable, or as "not our template" when the damage sits in a
# part the reader never opens; each comes with its message.
EXPECTED = {"ok-xlsx": "ok-xlsx", "unsupported-format": "unsupported-format",
            "encrypted": "encrypted", "corrupt": "rejected", "hostile": "rejected"}

LOCK = "an Excel lock file (~$…): discover ignores it with a reason, as Excel itself does"
IGNORED_EXT = "not a spreadsheet by extension: discover ignores it with a reason"

EXCEPTIONS: dict[str, tuple[str, str]] = {
    # corrupt
    "~$closedxml__LoadPivotTables.xlsx": ("ignored", LOCK),
    # ok-xlsx
    "phpspreadsheet__utf16be.xlsx": ("rejected", "UTF-16BE XML parts: calamine cannot "
                                     "parse them (Excel can); reported as unreadable with "
                                     "the advice to re-save"),
    # unsupported-format
    "roo__type_excelx.ods": ("ok-xlsx", "really an xlsx: read by content, not by its .ods "
                             "name, and it is not our template"),
    "msoffcrypto__plain.doc": ("ignored", IGNORED_EXT),
    "roo__bode-v1.xls.zip": ("ignored", "a .zip archive: ignored with 'unzip first'"),
    "sheetjs__Untitled.key": ("ignored", IGNORED_EXT),
}


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _sampler() -> Any:
    spec = importlib.util.spec_from_file_location("qmo_bench_run",
                                                  ROOT / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Sampler


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_qmo_validate_over_the_corpus(tmp_path: Path) -> None:
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as fh:
        manifest = {r["file"]: r for r in csv.DictReader(fh, delimiter="\t")}
    files = CORPUS / "files"
    before = {f: _sha(files / f) for f in manifest}
    assert before == {f: r["sha256"] for f, r in manifest.items()}

    out, err = tmp_path / "report.json", tmp_path / "stderr.txt"
    t0 = time.perf_counter()
    with open(out, "wb") as o, open(err, "wb") as e:
        proc = subprocess.Popen([sys.executable, "-m", "qmo_excel", "validate", str(files),
                                 "--format", "json", "--jobs", "2"],
                                stdout=o, stderr=e, cwd=tmp_path)
        sampler = _sampler()(proc.pid, interval=0.02)
        sampler.start()
        code = proc.wait(timeout=600)
        sampler.stop.set()
        sampler.join()
    elapsed = time.perf_counter() - t0
    stdout, stderr = out.read_text("utf-8"), err.read_text("utf-8")
    assert code == 1, stderr[-2000:]  # corrupt files are errors
    assert "Traceback" not in stdout and "Traceback" not in stderr, stderr[-3000:]
    report = json.loads(stdout)

    # every file exactly one status entry; every problem belongs to a file that has one
    records = Counter(f["file"] for f in report["files"])
    assert set(records) == set(manifest) and set(records.values()) == {1}
    codes: dict[str, set[str]] = {f: set() for f in manifest}
    for p in report["problems"]:
        codes[p["file"]].add(p["code"])

    wrong, slow = [], []
    for f in report["files"]:
        rel, exp = f["file"], manifest[f["file"]]["expected"]
        got = outcome(f, codes[rel])
        want = EXCEPTIONS[rel][0] if rel in EXCEPTIONS else EXPECTED[exp]
        if want == "rejected" and f["status"] == "rejected":
            got = "rejected"
        if got != want:
            wrong.append(f"{rel}: {exp} -> {f['status']} {sorted(codes[rel])} (want {want})")
        if f["status"] != "ignored" and (f["status"] == "rejected") != bool(f["errors"]):
            wrong.append(f"{rel}: status {f['status']} with {f['errors']} errors")
        if f["status"] in ("rejected", "ignored") and not f["reason"].strip():
            wrong.append(f"{rel}: {f['status']} without a reason")
        if f["seconds"] > MAX_SECONDS_PER_FILE:
            slow.append((f["seconds"], rel))
    peak_mib = sampler.peak_rss / 1024
    print(f"\ncorpus: {len(records)} files in {elapsed:.2f} s on 2 workers; peak tree "
          f"RSS {peak_mib:.0f} MiB ({sampler.samples} samples); slowest: "
          f"{sorted(((f['seconds'], f['file']) for f in report['files']), reverse=True)[:3]}")
    for k, v in sorted(Counter((manifest[f["file"]]["expected"], outcome(f, codes[f["file"]]))
                               for f in report["files"]).items()):
        print(f"  {k[0]:20} {k[1]:20} {v}")
    assert not wrong, "\n".join(wrong)
    assert not slow, slow
    assert peak_mib < MAX_TREE_MIB
    assert set(EXCEPTIONS) <= set(manifest)
    assert {f: _sha(files / f) for f in manifest} == before


def _load_every_sheet(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    cells = 0
    for name in wb.sheet_names:
        grid = wb.get_sheet_by_name(name).to_python(skip_empty_area=False, nrows=20_000)
        cells += sum(len(r) for r in grid)
    return cells


def test_deep_load_of_every_accepted_workbook_is_contained() -> None:
    files = [p for p in sorted((CORPUS / "files").iterdir()) if precheck(p).ok]
    t0 = time.perf_counter()
    res = dict(run_isolated(_load_every_sheet, files, jobs=2, timeout=20, memory_mb=1024))
    elapsed = time.perf_counter() - t0
    assert sorted(res) == list(range(len(files)))
    kinds = Counter(r.kind if isinstance(r, Failure) else "read" for r in res.values())
    print(f"\ndeep load: {len(files)} workbooks in {elapsed:.2f} s: {dict(kinds)}")
    for i, r in sorted(res.items()):
        if isinstance(r, Failure) and r.kind != "error":
            print(f"  {files[i].name}: {r.kind} {r.detail}")
    assert kinds["read"] > len(files) * 0.8
    assert elapsed < 120
