"""The 291-file robustness corpus: every file ends as a clean, expected outcome.

Each file goes discover -> precheck -> read_return inside run_isolated (2 workers, 20 s,
1 GiB) via ``reader.read_files``. The manifest's ``expected`` class maps to our problem
code by ``EXPECTED``; the files that legitimately end elsewhere are listed one by one in
``EXCEPTIONS`` with the reason. A second pass loads *every* sheet of every workbook
precheck accepts (deeper than a return needs) to prove the pool contains calamine's
crashes on real files. Input files must be byte-for-byte unchanged afterwards.
"""

from __future__ import annotations

import csv
import hashlib
import time
from collections import Counter
from pathlib import Path

import pytest

from qmo_excel.intake.discover import discover
from qmo_excel.intake.pool import Failure, run_isolated
from qmo_excel.intake.precheck import precheck
from qmo_excel.intake.reader import read_files
from qmo_excel.problems import CATALOGUE

# shared/ sits beside the project (as in CI); /work/shared when the clone is elsewhere.
CORPUS = next((p for p in (Path(__file__).resolve().parents[2] / "shared" / "corpus",
                           Path("/work/shared/corpus")) if p.is_dir()),
              Path(__file__).resolve().parents[2] / "shared" / "corpus")
pytestmark = [pytest.mark.slow]


def test_corpus_is_present() -> None:
    assert (CORPUS / "MANIFEST.tsv").is_file(), f"the corpus must be at {CORPUS}"

# manifest "expected" -> the outcome we give it
EXPECTED: dict[str, str | set[str]] = {
    "ok-xlsx": "file-wrong-template",  # genuine workbooks, but none is our template
    "encrypted": "file-encrypted",
    "unsupported-format": "file-old-format",
    "corrupt": "file-unreadable",
    "hostile": {"file-too-large", "file-timeout", "file-unreadable"},
}

NOT_PARSED = ("old binary/XML format: precheck rejects it from its magic bytes and never "
              "parses it, so the corruption or the attack inside is never reached; "
              "'save as .xlsx' is the right advice either way")
NOT_OURS = ("the damage or the attack sits in a part the reader never opens: the sheet "
            "list alone shows this is not our template")
FILEPASS = "carries an encryption (FILEPASS/EncryptedPackage) marker: reported as encrypted"
LOCK = "an Excel lock file (~$…): discover ignores it with a reason, as Excel itself does"
IGNORED_EXT = "not a spreadsheet by extension: discover ignores it with a reason"

EXCEPTIONS: dict[str, tuple[str, str]] = {
    # corrupt
    "poi__clusterfuzz-testcase-minimized-POIHSSFFuzzer-4651309315719168.xls":
        ("file-encrypted", FILEPASS),
    "poi__crash-9bf3cd4bd6f50a8a9339d363c2c7af14b536865c.xlsx": ("file-encrypted", FILEPASS),
    "calamine__ptgexp-truncated-operand.xls": ("file-old-format", NOT_PARSED),
    "edr__Test_git_issue682.xlsb": ("file-old-format", NOT_PARSED),
    "edr__Test_git_issue_392_oob.xls": ("file-old-format", NOT_PARSED),
    "edr__Test_git_issue_467_empty_continue_leftoverbytes.xls": ("file-old-format",
                                                                 NOT_PARSED),
    "edr__Test_git_issue_5.xls": ("file-old-format", NOT_PARSED),
    "phpspreadsheet__CorruptedXmlFile.xml": ("file-old-format", NOT_PARSED),
    "phpspreadsheet__corruptMeta.ods": ("file-old-format", NOT_PARSED),
    "phpspreadsheet__pr.4687.excel.badendian.xls": ("file-old-format", NOT_PARSED),
    "poi__clusterfuzz-testcase-minimized-POIHSSFFuzzer-5786329142919168.xls":
        ("file-old-format", NOT_PARSED),
    "poi__clusterfuzz-testcase-minimized-POIHSSFFuzzer-5816431116615680.xls":
        ("file-old-format", NOT_PARSED),
    "poi__clusterfuzz-testcase-minimized-POIHSSFFuzzer-6137883240824832.xls":
        ("file-old-format", NOT_PARSED),
    "poi__poi-fuzz.xls": ("file-old-format", NOT_PARSED),
    "calamine__issue252.xlsx": ("file-wrong-template", NOT_OURS),
    "exceljs__invalid-xml.xlsx": ("file-wrong-template", NOT_OURS),
    "poi__clusterfuzz-testcase-minimized-POIXSSFFuzzer-5265527465181184.xlsx":
        ("file-wrong-template", NOT_OURS),
    "poi__clusterfuzz-testcase-minimized-POIXSSFFuzzer-5937385319563264.xlsx":
        ("file-wrong-template", NOT_OURS),
    "poi__xlsx-corrupted.xlsx": ("file-wrong-template",
                                 "calamine rejects the broken _rels/.rels; the fallback scan "
                                 "of xl/workbook.xml lists its sheets: not our template"),
    "~$closedxml__LoadPivotTables.xlsx": ("ignored", LOCK),
    # hostile
    "calamine__OOM_alloc.xls": ("file-old-format", NOT_PARSED),
    "calamine__OOM_alloc2.xls": ("file-old-format", NOT_PARSED),
    "calamine__OOM_alloc3.xls": ("file-old-format", NOT_PARSED),
    "calamine__gh548_incorrect_sst_unique_count.xls": ("file-old-format", NOT_PARSED),
    "calamine__issue_594_dos.ods": ("file-old-format", NOT_PARSED),
    "calamine__issue_666_panic.xlsb": ("file-old-format", NOT_PARSED),
    "edr__Test_git_issue_382_oom.xls": ("file-old-format", NOT_PARSED),
    "phpspreadsheet__gzbomb.gnumeric": ("file-old-format", "gzip (Gnumeric) is recognised "
                                        "from its magic bytes and never decompressed"),
    "poi__54764-2.xlsx": ("file-wrong-template", NOT_OURS),
    "poi__54764.xlsx": ("file-wrong-template", NOT_OURS),
    "poi__poc-shared-strings.xlsx": ("file-wrong-template", NOT_OURS),
    "poi__poc-xmlbomb-empty.xlsx": ("file-wrong-template", NOT_OURS),
    "poi__poc-xmlbomb.xlsx": ("file-wrong-template", NOT_OURS),
    "poi__xxe_in_schema.xlsx": ("file-wrong-template", NOT_OURS),
    # ok-xlsx
    "phpspreadsheet__utf16be.xlsx": ("file-unreadable", "UTF-16BE XML parts: calamine "
                                     "cannot parse them (Excel can); reported as unreadable "
                                     "with the advice to re-save"),
    # unsupported-format
    "roo__type_excelx.ods": ("file-wrong-template", "really an xlsx: read by content, not "
                             "by its .ods name, and it is not our template"),
    "msoffcrypto__plain.doc": ("ignored", IGNORED_EXT),
    "roo__bode-v1.xls.zip": ("ignored", "a .zip archive: ignored with 'unzip first'"),
    "sheetjs__Untitled.key": ("ignored", IGNORED_EXT),
}


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_corpus_outcomes() -> None:
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as fh:
        manifest = {r["file"]: r for r in csv.DictReader(fh, delimiter="\t")}
    files = CORPUS / "files"
    before = {f: _sha(files / f) for f in manifest}
    assert before == {f: r["sha256"] for f, r in manifest.items()}

    t0 = time.perf_counter()
    cands = discover([files])
    assert sorted(c.rel for c in cands) == sorted(manifest)
    todo = [c for c in cands if c.kind == "spreadsheet"]
    got = {c.rel: "ignored" for c in cands if c.kind == "ignored"}
    details: dict[str, str] = {}
    slowest: list[tuple[float, str]] = []
    for i, out in read_files([c.path for c in todo], jobs=2, timeout=20, memory_mb=1024):
        rel = todo[i].rel
        got[rel] = out.code or "read"
        details[rel] = out.detail
        slowest.append((out.seconds, rel))
        if out.code:
            assert out.code in CATALOGUE and out.detail, rel
    elapsed = time.perf_counter() - t0

    wrong = []
    for rel, code in sorted(got.items()):
        exp = manifest[rel]["expected"]
        if rel in EXCEPTIONS:
            want: str | set[str] = EXCEPTIONS[rel][0]
        else:
            want = EXPECTED[exp]
        if code != want and not (isinstance(want, set) and code in want):
            wrong.append(f"{rel}: {exp} -> {code} (want {want}) {details.get(rel, '')}")
    counts = Counter((manifest[r]["expected"], c) for r, c in got.items())
    print(f"\ncorpus: {len(got)} files in {elapsed:.2f} s on 2 workers")
    for k, v in sorted(counts.items()):
        print(f"  {k[0]:20} {k[1]:22} {v}")
    print("  slowest:", sorted(slowest, reverse=True)[:3])
    assert not wrong, "\n".join(wrong)
    assert set(EXCEPTIONS) <= set(manifest)
    assert elapsed < 180

    after = {f: _sha(files / f) for f in manifest}
    assert after == before


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
