"""Fuzz `qmo consolidate` with mutated real returns, in batches, and check its promises.

Each mutant is a real return of the sample round (``samples/returns``) changed once or a
few times: cells given hostile values (400 nines, formulas as text, control codes,
U+FFFE, 40,000 characters, an empty ``t="d"``…), cell types and references changed (far
columns and rows), elements dropped or repeated, sheet names made odd, bytes flipped in a
part or in the package, the package truncated, a stored part's CRC broken; its file name
is sometimes hostile too (not UTF-8, starting with ``=``, 200 bytes of Vietnamese, a
control code, a Windows reserved name). Mutant ``i`` depends only on ``(seed, i)``.

Every batch of mutants is a folder run through ``python -m qmo_excel consolidate`` (with
the sample round, JSON and CSV exports, feedback), in its own process with a time limit,
and checked:

- no traceback, and an exit code of 0 (or 1 with a reason on the terminal);
- no hang: the run ends within its time limit;
- counts printed equal what is on disk: every file of the folder has one intake entry
  ("Tiếp nhận N tệp"), "Tệp góp ý: N" is the number of feedback workbooks written;
- no formula in any output cell that came from a return: none in the summary, none in a
  feedback list sheet, no formula in a feedback copy that was not one in the unit's own
  file (the same formula text), no CSV cell a spreadsheet would run;
- inputs unchanged (SHA-256 of every input before and after).

    python scripts/fuzz_consolidate.py --mutants 10000 --batch 200 --seed 1 \\
        --work /tmp/qmo-fuzz --log /tmp/qmo-fuzz/log.jsonl

Memory stays bounded: one batch on disk and in flight at a time (its folders are removed
after it is checked, unless it found something), and `consolidate` bounds its workers.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qmo_excel.feedback.workbook import feedback_name  # noqa: E402
from qmo_excel.reports import FileReport  # noqa: E402
from qmo_excel.safetext import shown  # noqa: E402

SEEDS = REPO / "samples" / "returns"
ROUND = REPO / "samples" / "round.xlsx"

HOSTILE_TEXT = [
    "9" * 400, "-" + "9" * 400, "1E+400", "NaN", "-Infinity", "=1+1", "=HYPERLINK(\"http://x\")",
    "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\tTab", "\rCR", "_x0001_ctrl", "a\ufffeb",
    "\uffff", "x" * 40_000, "Phường " * 3000, "ệ" * 200, "\u202eRTL", "😀 emoji 𝟘",
    "Tỷ lệ".encode().decode("utf-8"), "Ty\u0309 le\u0323\u0302", "<![CDATA[x]]>", "&amp;",
    "0,964", "96,4%", "trên 95%", "1.050 tỷ đồng", "162/168", "", " ", "Đạt", "Không đạt",
    "31/02/2023", "1/1/1900", "0", "-0", "1e-400", "٣٤", "१२", "1.2.3.4.5.6.7.8.9.10",
]
HOSTILE_NAMES = [
    b"=cmd|' -C calc'!A0.xlsx", b"+1+1.xlsx", b"-2.xlsx", b"@SUM(A1).xlsx",
    b"B\xe1o c\xe1o.xlsx", b"\xff\xfe.xlsx", "Phường ".encode() * 20 + b".xlsx",
    b"CON.xlsx", b"nul.xlsx", b"ctrl\x01char.xlsx", b"line\nbreak.xlsx", b" .xlsx",
    "Hương Xuân".encode() + b".XLSX", "Hu\u031bo\u031bng".encode() + b".xlsx",
    b"no-extension", b"report.xls", b"report.ods", b"report.csv",
]
CELL = re.compile(rb"<c\b[^>]*?(?:/>|>.*?</c>)", re.DOTALL)
# A cell element, whole (self-closing or with its content), and a formula inside one.
ANY_CELL = re.compile(rb"<(?:\w+:)?c\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL)
FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.DOTALL)
SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\b(?:r:)?id="([^"]*)"')
REL = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"')
REL2 = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')
RUNNABLE = ("=", "+", "-", "@", "\t", "\r")


def xml_text(text: str) -> bytes:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .encode("utf-8", "surrogatepass"))


# --------------------------------------------------------------------------- mutations


def _cell_value(rng: random.Random, body: bytes) -> bytes:
    cells = list(CELL.finditer(body))
    if not cells:
        return body
    m = rng.choice(cells)
    ref = re.search(rb'\br="([A-Z]+[0-9]+)"', m.group(0))
    r = b' r="' + ref.group(1) + b'"' if ref else b""
    kind = rng.random()
    if kind < 0.5:
        new = b'<c' + r + b' t="inlineStr"><is><t>' + xml_text(rng.choice(HOSTILE_TEXT)) + \
            b"</t></is></c>"
    elif kind < 0.65:
        new = b"<c" + r + b"><v>" + rng.choice([b"9" * 400, b"1E+400", b"NaN", b"-0", b"",
                                               b"1e-400", b"0x10", b"12,5"]) + b"</v></c>"
    elif kind < 0.8:
        new = b"<c" + r + b' t="' + rng.choice([b"d", b"e", b"b", b"s", b"str", b"n",
                                                 b"inlineStr", b"zz"]) + b'">' + \
            rng.choice([b"<v></v>", b"<v>99999999</v>", b"<v>#REF!</v>", b"<v>1</v>",
                        b"", b"<v>2023-13-45</v>"]) + b"</c>"
    elif kind < 0.9:
        new = b"<c" + r + b"><f>" + xml_text(rng.choice(["SUM(A1:A2)", "1/0", "A1",
                                                          "HYPERLINK(\"x\")"])) + b"</f></c>"
    else:
        far = rng.choice([b"XFD3000", b"A1048576", b"XFD1", b"IW5000", b"AAA12", b"ZZ99999"])
        new = m.group(0).replace(ref.group(0), b'r="' + far + b'"', 1) if ref else m.group(0)
    return body[:m.start()] + new + body[m.end():]


def _drop_element(rng: random.Random, body: bytes) -> bytes:
    tags = list(re.finditer(rb"<(\w+:)?(row|c|sheet|si|xf|font|mergeCell|dataValidation|"
                            rb"definedName|pane|col)\b[^>]*?(?:/>|>)", body))
    if not tags:
        return body
    m = rng.choice(tags)
    return body[:m.start()] + body[m.end():]  # an element's start tag gone: maybe broken


def _repeat_element(rng: random.Random, body: bytes) -> bytes:
    rows = list(re.finditer(rb"<row\b.*?</row>", body, re.DOTALL))
    if not rows:
        return body
    m = rng.choice(rows)
    return body[:m.end()] + m.group(0) * rng.choice([1, 2, 50]) + body[m.end():]


def _flip_bytes(rng: random.Random, body: bytes) -> bytes:
    data = bytearray(body)
    for _ in range(rng.choice([1, 1, 2, 8])):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def _sheet_name(rng: random.Random, body: bytes) -> bytes:
    names = list(re.finditer(rb'(<(?:\w+:)?sheet\b[^>]*?\bname=")([^"]*)(")', body))
    if not names:
        return body
    m = rng.choice(names)
    new = rng.choice(["", "Mục tiêu - Chỉ tiêu", "x" * 300, "_qmo", "Kế hoạch thực hiện",
                      "Thông tin đơn vị", "a\ufffeb", "Muc tieu", "'quoted'", "[]*?:/"])
    return body[:m.start(2)] + xml_text(new).replace(b'"', b"&quot;") + body[m.end(2):]


def _attribute(rng: random.Random, body: bytes) -> bytes:
    attrs = list(re.finditer(rb'\b(s|t|r|hidden|ht|customFormat|numFmtId|state|sqref)="'
                             rb'([^"]*)"', body))
    if not attrs:
        return body
    m = rng.choice(attrs)
    new = rng.choice([b"", b"-1", b"99999", b"1", b"0", b"true", b"XFD1048576", b"A0",
                      b"veryHidden", b"9" * 40])
    return body[:m.start(2)] + new + body[m.end(2):]


PART_MUTATIONS: list[tuple[float, Callable[[random.Random, bytes], bytes]]] = [
    (0.55, _cell_value), (0.05, _drop_element), (0.07, _repeat_element),
    (0.05, _flip_bytes), (0.08, _sheet_name), (0.2, _attribute),
]


def _pick_part(rng: random.Random, names: list[str]) -> str:
    sheets = [n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")]
    weighted = sheets * 6 + [n for n in names if n in (
        "xl/sharedStrings.xml", "xl/workbook.xml", "xl/styles.xml",
        "xl/_rels/workbook.xml.rels", "[Content_Types].xml")] * 2 + names
    return rng.choice(weighted)


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One mutant of a return's bytes."""
    roll = rng.random()
    if roll < 0.04:  # the package itself
        return _flip_bytes(rng, data)
    if roll < 0.06:
        return data[: rng.randrange(1, max(2, len(data)))]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            parts = {i.filename: zf.read(i) for i in infos}
    except Exception:  # an .xls seed, or a package an earlier mutation broke: bytes only
        return _flip_bytes(rng, data)
    names = [i.filename for i in infos]
    crc_break: str | None = None
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        name = _pick_part(rng, names)
        if name.endswith(".xml") and rng.random() < 0.97:
            weights = [w for w, _ in PART_MUTATIONS]
            change = rng.choices([f for _, f in PART_MUTATIONS], weights)[0]
            parts[name] = change(rng, parts[name])
        else:
            crc_break = name
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in names:
            stored = name == crc_break
            dst.writestr(name, parts[name], zipfile.ZIP_STORED if stored else
                         zipfile.ZIP_DEFLATED)
    raw = out.getvalue()
    if crc_break and parts[crc_break]:
        body = parts[crc_break]
        at = raw.find(body)  # the stored bytes: one flipped, the CRC no longer matches
        if at >= 0:
            i = at + rng.randrange(len(body))
            raw = raw[:i] + bytes([raw[i] ^ 0x20]) + raw[i + 1:]
    return raw


def mutant_name(rng: random.Random, i: int, seed_name: str) -> bytes:
    if rng.random() < 0.15:
        return b"%05d " % i + rng.choice(HOSTILE_NAMES)
    return b"%05d " % i + seed_name.encode()


def own_unit(data: bytes, code: str, i: int, name: str = "") -> bytes:
    """The return made the return of a unit of its own ("PTCKH" -> "PTCKH-17", its name
    too, so that it is not taken for the registered unit of that name), so that every
    mutant is used (and gets its feedback) instead of superseding the others."""
    if not code:
        return data
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts = [(info, zf.read(info)) for info in zf.infolist()]
    except Exception:
        return data
    swaps = [(f">{code}<".encode(), f">{code}-{i}<".encode())]
    if name:
        swaps.append((f">{name}<".encode(), f">{name} {i}<".encode()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, body in parts:
            if info.filename.endswith(".xml"):
                for old, new in swaps:
                    body = body.replace(old, new)
            dst.writestr(info.filename, body)
    return out.getvalue()


def make_batch(folder: Path, seed: int, first: int, count: int,
               seeds: list[tuple[str, bytes, str, str]]) -> None:
    folder.mkdir(parents=True)
    for i in range(first, first + count):
        rng = random.Random(f"{seed}:{i}")
        seed_name, data, code, unit_name = rng.choice(seeds)
        body = own_unit(data, code, i, unit_name)
        for _ in range(rng.choice([1, 1, 2])):
            body = mutate(body, rng)
        name = mutant_name(rng, i, seed_name)
        with open(os.path.join(os.fsencode(folder), name), "wb") as fh:
            fh.write(body)


def load_seeds() -> list[tuple[str, bytes, str, str]]:
    """(file name, bytes, unit code, unit name) of each real return of the sample round."""
    from qmo_excel.intake.reader import ReadError, read_return

    out = []
    for p in sorted(SEEDS.iterdir()):
        if p.suffix in (".xlsx", ".xls") and not p.name.startswith("~$"):
            try:
                info = read_return(p).info
                code = str(info.get("unit_code") or "")
                name = str(info.get("unit_name") or "")
            except ReadError:
                code = name = ""
            out.append((p.name, p.read_bytes(), code, name))
    return out


# --------------------------------------------------------------------------- checks


@dataclass
class BatchResult:
    first: int
    mutants: int
    seconds: float = 0.0
    exit_code: int | None = None
    tracebacks: int = 0
    hangs: int = 0
    count_mismatches: list[str] = field(default_factory=list)
    formulas: list[str] = field(default_factory=list)
    inputs_changed: list[str] = field(default_factory=list)
    feedback_failed: int = 0
    fates: dict[str, int] = field(default_factory=dict)  # intake status -> files
    feedback: int = 0  # feedback workbooks written
    notes: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.tracebacks or self.hangs or self.count_mismatches
                    or self.formulas or self.inputs_changed)


def digests(folder: Path) -> dict[bytes, str]:
    out = {}
    for entry in os.scandir(os.fsencode(folder)):
        with open(entry.path, "rb") as fh:
            out[entry.name] = hashlib.sha256(fh.read()).hexdigest()
    return out


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """sheet name -> part path, by a plain scan of the workbook and its relations."""
    try:
        book = zf.read("xl/workbook.xml")
        rels = zf.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    targets = {m.group(1): m.group(2) for m in REL.finditer(rels)}
    targets.update({m.group(2): m.group(1) for m in REL2.finditer(rels)})
    out = {}
    for m in SHEET.finditer(book):
        target = targets.get(m.group(2), b"").decode()
        out[m.group(1).decode("utf-8", "replace")] = target.lstrip("/") \
            if target.startswith("/") else "xl/" + target
    return out


def formula_cells(data: bytes, skip: str = "") -> set[tuple[str, str]] | None:
    """(sheet, formula text) of every formula cell in a package; None when it is not one.

    By text, not by reference: a cell written without its reference is placed by each
    reader its own way, so the same formula may sit in another cell of the copy."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            out = set()
            for sheet, part in _sheet_parts(zf).items():
                if sheet == skip:
                    continue
                try:
                    body = zf.read(part)
                except Exception:  # a part a mutation broke
                    continue
                for cell in ANY_CELL.finditer(body):
                    f = FORMULA.search(cell.group(1) or b"")
                    if f is not None:
                        out.add((sheet, (f.group(1) or b"").decode("utf-8", "replace")))
            return out
    except Exception:  # not a package
        return None


def check_outputs(folder: Path, out: Path, proc_out: str, result: BatchResult) -> None:
    inputs = {e.name for e in os.scandir(os.fsencode(folder))}
    data = json.loads((out / "x.json").read_text("utf-8"))
    for entry in data["intake"]:
        result.fates[entry["status"]] = result.fates.get(entry["status"], 0) + 1
    if len(data["intake"]) != len(inputs):
        result.count_mismatches.append(f"intake {len(data['intake'])} != files "
                                       f"{len(inputs)}")
    m = re.search(r"Tiếp nhận (\d+) tệp", proc_out)
    if not m or int(m.group(1)) != len(inputs):
        result.count_mismatches.append(f"printed intake {m and m.group(1)} != {len(inputs)}")
    fb_dir = out / "gop-y"
    on_disk = sorted(fb_dir.iterdir()) if fb_dir.is_dir() else []
    on_disk = [p for p in on_disk if not p.name.startswith(".qmo-")]
    m = re.search(r"Tệp góp ý: (\d+)", proc_out)
    printed = int(m.group(1)) if m else 0
    result.feedback = len(on_disk)
    if printed != len(on_disk):
        result.count_mismatches.append(f"printed feedback {printed} != on disk {len(on_disk)}")
    result.feedback_failed = len(re.findall(r"Không ghi được tệp góp ý", proc_out))
    summary = next(out.glob("*.xlsx"))
    if formula_cells(summary.read_bytes()):
        result.formulas.append(f"summary: {sorted(formula_cells(summary.read_bytes()) or [])[:3]}")
    originals: dict[str, bytes] = {}
    for e in os.scandir(os.fsencode(folder)):
        with open(e.path, "rb") as fh:
            originals[shown(os.fsdecode(e.name))] = fh.read()
    # which input each feedback workbook copies, by the name feedback gives it
    source_of: dict[str, str] = {}
    for entry in data["intake"]:
        report = FileReport(entry["file"], "", entry["status"], unit_code=entry["unit_code"])
        source_of.setdefault(feedback_name(report), entry["file"])
    every = set().union(*(formula_cells(d) or set() for d in originals.values()))
    for book in on_disk:
        copy = book.read_bytes()
        listed = formula_cells(copy)
        if listed is None:
            result.count_mismatches.append(f"feedback not a workbook: {book.name}")
            continue
        in_list = {c for c in listed if c[0] == "Lỗi cần sửa"}
        if in_list:
            result.formulas.append(f"{book.name}: list sheet {sorted(in_list)[:3]}")
        # the copy's formulas must all be the unit's own (same sheet and cell)
        source = originals.get(source_of.get(book.name, ""))
        own = formula_cells(source) if source else None
        # by formula text alone: openpyxl renames a sheet whose name repeats another's
        # ("Mục tiêu - Chỉ tiêu1"), and places a cell written without its reference
        theirs = {text for _, text in (every if own is None else own)}
        extra = {c for c in listed - in_list if c[1] not in theirs}
        if extra:
            result.formulas.append(f"{book.name}: {sorted(extra)[:3]}")
    for f in (out / "csv").glob("*.csv"):
        text = f.read_text("utf-8-sig")
        for row in csv.reader(io.StringIO(text, newline="")):
            bad = [c for c in row if c.startswith(RUNNABLE)]
            if bad:
                result.formulas.append(f"{f.name}: {bad[0][:40]!r}")
                break


def run_batch(root: Path, seed: int, first: int, count: int,
              seeds: list[tuple[str, bytes, str, str]],
              *, timeout: float, jobs: int, keep: bool = False) -> BatchResult:
    folder = root / f"batch-{first:06d}" / "returns"
    out = root / f"batch-{first:06d}" / "out"
    shutil.rmtree(folder.parent, ignore_errors=True)
    make_batch(folder, seed, first, count, seeds)
    before = digests(folder)
    result = BatchResult(first, count)
    cmd = [sys.executable, "-m", "qmo_excel", "consolidate", str(folder), "--round",
           str(ROUND), "-o", str(out), "--as-of", "2023-12-20", "-q", "--jobs", str(jobs),
           "--export-json", str(out / "x.json"), "--export-csv", str(out / "csv")]
    t0 = time.monotonic()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                              cwd=REPO, errors="replace")
    except subprocess.TimeoutExpired:
        result.hangs = 1
        result.seconds = time.monotonic() - t0
        return result
    result.seconds = time.monotonic() - t0
    result.exit_code = proc.returncode
    text = proc.stdout + proc.stderr
    result.tracebacks = text.count("Traceback (most recent call last)")
    report_failed = text.find("Không ghi được báo cáo")  # the report beside the summary
    if report_failed >= 0:
        result.notes.append("report not written: " + text[report_failed:][:300])
    if proc.returncode not in (0, 1) or (proc.returncode == 1 and "Không ghi được" not in text
                                         and "Error" not in text):
        result.notes.append(f"exit {proc.returncode}: {text[-500:]}")
    if proc.returncode in (0, 1) and (out / "x.json").is_file():
        try:
            check_outputs(folder, out, text, result)
        except Exception as exc:  # the checker's own failure is a finding too
            result.notes.append(f"checker: {type(exc).__name__}: {exc}")
    elif not result.tracebacks:
        result.notes.append(f"no outputs: {text[-500:]}")
    after = digests(folder)
    result.inputs_changed = [os.fsdecode(k) for k in before if before[k] != after.get(k)]
    if result.clean and not keep and not result.notes:
        shutil.rmtree(folder.parent, ignore_errors=True)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mutants", type=int, default=10_000)
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="first mutant (to resume)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/qmo-fuzz"))
    ap.add_argument("--log", type=Path, default=None)
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds per batch")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    seeds = load_seeds()
    log = args.log or args.work / "log.jsonl"
    args.work.mkdir(parents=True, exist_ok=True)
    totals = {"mutants": 0, "tracebacks": 0, "hangs": 0, "count_mismatches": 0,
              "formulas": 0, "inputs_changed": 0, "feedback_failed": 0, "seconds": 0.0}
    for first in range(args.start, args.start + args.mutants, args.batch):
        count = min(args.batch, args.start + args.mutants - first)
        r = run_batch(args.work, args.seed, first, count, seeds, timeout=args.timeout,
                      jobs=args.jobs)
        with log.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(asdict(r), ensure_ascii=False) + "\n")
        totals["mutants"] += r.mutants
        totals["tracebacks"] += r.tracebacks
        totals["hangs"] += r.hangs
        totals["count_mismatches"] += len(r.count_mismatches)
        totals["formulas"] += len(r.formulas)
        totals["inputs_changed"] += len(r.inputs_changed)
        totals["feedback_failed"] += r.feedback_failed
        totals["seconds"] += r.seconds
        print(json.dumps({"batch": first, **{k: v for k, v in asdict(r).items()
                                             if k not in ("first",)}},
                         ensure_ascii=False)[:400], flush=True)
    print("TOTAL " + json.dumps(totals), flush=True)
    bad = totals["tracebacks"] + totals["hangs"] + totals["count_mismatches"] + \
        totals["formulas"] + totals["inputs_changed"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
