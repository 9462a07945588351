"""Benchmark `qmo` intake and consolidation against naive pandas code and the floor.

    python benchmarks/run.py --sizes 100,1000,10000 --root /tmp/qmo-bench \\
        --skip-naive-above 1000 --doc docs/performance.md

For every size N it makes (or reuses) N synthetic returns (`make_returns.py`), then runs
each measured command in a fresh process and times it from outside:

- intake:      `python -m qmo_excel validate FOLDER --format json --quiet --jobs J`
- naive read:  `pandas.read_excel(path, sheet_name=None)` (openpyxl) over every file
- floor:       unzip every file and read its sheet XML bytes, no parsing
- consolidate: `python -m qmo_excel consolidate FOLDER -o OUT --as-of D --quiet --jobs J
               --no-history` (and once more with `--no-feedback`, to show what feedback
               copies cost; what the history adds is measured by `history.py`)
- naive pipeline: the naive read, then the same tables with `DataFrame.to_excel`
- bare write:  as many cells as the summary holds, with bare xlsxwriter (constant_memory);
               "bare + intake" = intake wall time + bare write wall time

While a command runs, a sampler thread reads VmRSS (and Pss from smaps_rollup) of the
process and all its descendants every 50 ms: "peak tree RSS" is the largest sum seen
(RSS counts pages shared by forked workers once per process, so it over-states; PSS
shares them out), "max worker" the largest single descendant. CPU seconds come from
`wait4` (the process and the children it waited for). The load average is recorded
before each command: other work on the machine inflates wall time, not CPU time.
Results go to `<root>/results.json` and, with `--doc`, to a Markdown report.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from make_returns import make_set, set_info  # noqa: E402

AS_OF = "2023-12-20"
MIB = 1024 * 1024
COLUMNS = ("N", "step", "wall s", "CPU s", "returns/s", "cells written", "cells/s",
           "peak tree RSS MiB", "peak tree PSS MiB", "max worker RSS MiB", "load avg")

# --------------------------------------------------------------------------- measuring


REPEAT_BELOW_S = 20.0  # commands shorter than this are repeated (see step)

def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/children") as fh:
                    out.extend(int(x) for x in fh.read().split())
            except OSError:
                pass
    except OSError:
        pass
    return out


def _tree(pid: int) -> list[int]:
    seen, todo = [], [pid]
    while todo:
        p = todo.pop()
        seen.append(p)
        todo.extend(_children(p))
    return seen


def _kib(path: str, key: str) -> int:
    try:
        with open(path) as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


class Sampler(threading.Thread):
    """Peak memory of a process tree, sampled every ``interval`` seconds."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.stop = threading.Event()
        self.peak_rss = self.peak_pss = 0  # KiB, sums over the tree
        self.per_pid: dict[int, int] = {}  # KiB, peak RSS of every process seen
        self.per_pid_pss: dict[int, int] = {}
        self.samples = 0
        # smaps_rollup makes the kernel walk the page tables (about 80 ms for a 1.7 GB
        # process): read it at most 1% of the time, so the sampler does not compete
        # with what it measures on a 2-core machine. VmRSS costs microseconds.
        self.next_pss = 0.0
        self.pss_cost = 0.0

    def run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(self.interval)

    def sample(self) -> None:
        rss_sum = pss_sum = 0
        now = time.perf_counter()
        with_pss = now >= self.next_pss
        for p in _tree(self.pid):
            rss = _kib(f"/proc/{p}/status", "VmRSS:")
            rss_sum += rss
            self.per_pid[p] = max(self.per_pid.get(p, 0), rss)
            if with_pss:
                pss = _kib(f"/proc/{p}/smaps_rollup", "Pss:")
                pss_sum += pss
                self.per_pid_pss[p] = max(self.per_pid_pss.get(p, 0), pss)
        self.peak_rss = max(self.peak_rss, rss_sum)
        if with_pss:
            cost = time.perf_counter() - now
            self.pss_cost += cost
            self.next_pss = now + max(0.5, 100 * cost)
            self.peak_pss = max(self.peak_pss, pss_sum)
        self.samples += 1


def measure(cmd: list[str], stdout: Path, cwd: Path = REPO) -> dict[str, Any]:
    """Run ``cmd`` in a fresh process; wall and CPU time, peak memory of its tree."""
    load = os.getloadavg()[0]
    with open(stdout, "wb") as out, open(stdout.with_suffix(".stderr"), "wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd)
        sampler = Sampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
    sampler.stop.set()
    sampler.join()
    workers = {p: v for p, v in sampler.per_pid.items() if p != proc.pid}
    workers_pss = {p: v for p, v in sampler.per_pid_pss.items() if p != proc.pid}
    return {"cmd": cmd, "rc": proc.returncode, "wall": wall,
            "cpu": usage.ru_utime + usage.ru_stime, "load": load,
            "peak_rss_mib": sampler.peak_rss / 1024, "peak_pss_mib": sampler.peak_pss / 1024,
            "main_rss_mib": sampler.per_pid.get(proc.pid, 0) / 1024,
            "max_worker_rss_mib": max(workers.values(), default=0) / 1024,
            "max_worker_pss_mib": max(workers_pss.values(), default=0) / 1024,
            "processes": len(sampler.per_pid), "samples": sampler.samples,
            "sampler_pss_seconds": sampler.pss_cost}


def _last_json(path: Path) -> dict[str, Any]:
    try:
        lines = [ln for ln in path.read_text("utf-8").splitlines() if ln.strip()]
        return json.loads(lines[-1]) if lines else {}
    except (OSError, ValueError):
        return {}


def count_cells(xlsx: Path) -> int:
    """Cells written in a workbook: ``<c `` elements of its sheets, streamed."""
    total = 0
    try:
        with zipfile.ZipFile(xlsx) as zf:
            for name in zf.namelist():
                if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                    continue
                tail = b""
                with zf.open(name) as fh:
                    while block := fh.read(1 << 20):
                        data = tail + block
                        total += data.count(b"<c ")
                        tail = data[-2:]
    except (OSError, zipfile.BadZipFile):
        return 0
    return total


# --------------------------------------------------------------------------- one size


def run_size(n: int, root: Path, work: Path, *, jobs: int, naive: bool, seed: int,
             log: Any, variant: bool = True, repeat: int = 3) -> list[dict[str, Any]]:
    folder = root / f"N{n}"
    t0 = time.perf_counter()
    returns = make_set(folder, n, seed=seed, jobs=jobs, log=log)
    log(f"N={n}: set ready in {time.perf_counter() - t0:.1f} s ({returns})")
    out = work / f"N{n}"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    py = sys.executable
    naive_py = str(HERE / "naive.py")
    rows: list[dict[str, Any]] = []

    def step(name: str, cmd: list[str], **extra: Any) -> dict[str, Any]:
        # A short command is run up to `repeat` times and its median run kept: one
        # disturbed run on a shared machine should not decide a bar.
        runs = [measure(cmd, out / f"{name}.out")]
        while len(runs) < repeat and runs[0]["wall"] < REPEAT_BELOW_S:
            runs.append(measure(cmd, out / f"{name}.out"))
        runs.sort(key=lambda r: r["wall"])
        res = runs[len(runs) // 2]
        res["walls"] = [round(r["wall"], 3) for r in runs]
        res.update({"N": n, "step": name, **extra})
        res["stdout"] = _last_json(out / f"{name}.out") if name != "intake" else {}
        rows.append(res)
        log(f"  {name:<24} {res['wall']:8.2f} s wall {res['cpu']:8.2f} s CPU "
            f"{res['peak_rss_mib']:7.0f} MiB tree  rc={res['rc']}")
        return res

    intake = step("intake", [py, "-m", "qmo_excel", "validate", str(returns), "--format",
                             "json", "--quiet", "--jobs", str(jobs)])
    try:
        report = json.loads((out / "intake.out").read_text("utf-8"))
        intake["stats"] = report.get("stats", {})
    except (OSError, ValueError):
        intake["stats"] = {}
    step("floor", [py, naive_py, "floor", str(returns)])
    if naive:
        step("naive read", [py, naive_py, "read", str(returns)])
    cons_out = out / "consolidate"
    cons = step("consolidate", [py, "-m", "qmo_excel", "consolidate", str(returns), "-o",
                                str(cons_out), "--as-of", AS_OF, "--quiet", "--jobs",
                                str(jobs), "--no-history"])
    summaries = sorted(cons_out.glob("*.xlsx"))
    cons["cells"] = sum(count_cells(p) for p in summaries)
    feedback = sorted((cons_out / "gop-y").glob("*.xlsx")) if (cons_out / "gop-y").is_dir() \
        else []
    cons["feedback_files"] = len(feedback)
    cons["summary_bytes"] = sum(p.stat().st_size for p in summaries)
    if variant:
        nf_out = out / "consolidate-nofb"
        nofb = step("consolidate --no-feedback",
                    [py, "-m", "qmo_excel", "consolidate", str(returns), "-o", str(nf_out),
                     "--as-of", AS_OF, "--quiet", "--jobs", str(jobs), "--no-feedback",
                     "--no-history"])
        nofb["cells"] = sum(count_cells(p) for p in sorted(nf_out.glob("*.xlsx")))
    if naive:
        pipe = step("naive pipeline", [py, naive_py, "pipeline", str(returns),
                                       str(out / "naive-pipeline.xlsx")])
        pipe["cells"] = pipe["stdout"].get("cells_written", 0)
    cells = max(cons.get("cells", 0), 1)
    bare = step("bare xlsxwriter", [py, naive_py, "bare-write", str(out / "bare.xlsx"),
                                    str(cells)])
    bare["cells"] = bare["stdout"].get("cells_written", 0)
    combo = {"N": n, "step": "bare xlsxwriter + intake", "wall": intake["wall"] + bare["wall"],
             "cpu": intake["cpu"] + bare["cpu"], "cells": bare["cells"], "derived": True,
             "peak_rss_mib": max(intake["peak_rss_mib"], bare["peak_rss_mib"]),
             "peak_pss_mib": max(intake["peak_pss_mib"], bare["peak_pss_mib"]),
             "max_worker_rss_mib": intake["max_worker_rss_mib"], "load": intake["load"]}
    rows.append(combo)
    info = set_info(folder)
    for r in rows:
        r["files"] = info["files"]
        r["problems"] = info["problems"]
    return rows


# --------------------------------------------------------------------------- report


def _row(rows: list[dict[str, Any]], n: int, step: str) -> dict[str, Any] | None:
    return next((r for r in rows if r["N"] == n and r["step"] == step), None)


def ratios(rows: list[dict[str, Any]], n: int) -> dict[str, float]:
    get = lambda s: _row(rows, n, s)  # noqa: E731
    intake, naive, floor = get("intake"), get("naive read"), get("floor")
    cons, pipe, combo = get("consolidate"), get("naive pipeline"), \
        get("bare xlsxwriter + intake")
    nofb = get("consolidate --no-feedback")
    out: dict[str, float] = {}
    if intake:
        out["intake returns/s"] = n / intake["wall"]
        if naive:
            out["naive read / intake"] = naive["wall"] / intake["wall"]
        if floor:
            out["intake / floor"] = intake["wall"] / floor["wall"]
    if cons:
        out["consolidate returns/s"] = n / cons["wall"]
        if pipe:
            out["naive pipeline / consolidate"] = pipe["wall"] / cons["wall"]
        if combo:
            out["consolidate / (bare + intake)"] = cons["wall"] / combo["wall"]
        if nofb and combo:
            out["consolidate --no-feedback / (bare + intake)"] = nofb["wall"] / combo["wall"]
    return out


def bars(rows: list[dict[str, Any]], sizes: list[int]) -> list[tuple[str, str, str]]:
    """(bar, measured, ✓/✗/–) for the bars of issue #6."""
    out: list[tuple[str, str, str]] = []

    def mark(ok: bool | None) -> str:
        return "–" if ok is None else ("✓" if ok else "✗")

    if 1000 in sizes:
        r = ratios(rows, 1000)
        v = r.get("naive read / intake")
        out.append(("intake of 1,000 ≥ 8× faster than the naive read loop",
                    f"{v:.1f}×" if v else "not run", mark(v >= 8 if v else None)))
        v = r.get("intake returns/s")
        out.append(("intake of 1,000 ≥ 300 returns/s", f"{v:.0f}/s" if v else "not run",
                    mark(v >= 300 if v else None)))
        v = r.get("naive pipeline / consolidate")
        out.append(("consolidate of 1,000 ≥ 3× faster than the naive pipeline",
                    f"{v:.1f}×" if v else "not run", mark(v >= 3 if v else None)))
        v = r.get("consolidate / (bare + intake)")
        out.append(("consolidate of 1,000 ≤ 1.3 × (bare xlsxwriter + intake)",
                    f"{v:.2f}×" if v else "not run", mark(v <= 1.3 if v else None)))
    big = max(sizes)
    if big >= 10000:
        c = _row(rows, big, "consolidate")
        out.append((f"consolidate of {big:,} in < 150 s",
                    f"{c['wall']:.0f} s" if c else "not run",
                    mark(c["wall"] < 150 if c else None)))
        out.append((f"consolidate of {big:,}: peak tree memory < 1.5 GiB",
                    f"RSS {c['peak_rss_mib'] / 1024:.2f} GiB, PSS "
                    f"{c['peak_pss_mib'] / 1024:.2f} GiB" if c else "not run",
                    mark(c["peak_rss_mib"] < 1.5 * 1024 if c else None)))
    cons = [r for r in rows if r["step"] == "consolidate"]
    if len(cons) >= 2:
        w = [r["max_worker_rss_mib"] for r in sorted(cons, key=lambda r: r["N"])]
        flat = w[-1] <= 1.25 * w[0] + 16
        out.append(("memory per worker flat as N grows (largest ≤ 1.25 × smallest + 16 MiB)",
                    " → ".join(f"{x:.0f}" for x in w) + " MiB", mark(flat)))
    return out


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = _kib("/proc/meminfo", "MemTotal:") / MIB
    versions = []
    for pkg in ("qmo-excel", "python-calamine", "xlsxwriter", "openpyxl", "pandas", "numpy"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions.append(f"{pkg} {metadata.version(pkg)}")
    return {"nproc": str(os.cpu_count()), "memory": f"{mem:.1f} GiB", "cpu": cpu,
            "python": platform.python_version(), "os": platform.platform(),
            "libraries": ", ".join(versions)}


def _fmt(v: Any, digits: int = 1) -> str:
    if v is None or v == "":
        return "–"
    if isinstance(v, float):
        return f"{v:,.{digits}f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def table(rows: list[dict[str, Any]]) -> list[str]:
    lines = ["| " + " | ".join(COLUMNS) + " |",
             "| " + " | ".join("---:" if i != 1 else "---" for i in range(len(COLUMNS))) + " |"]
    for r in rows:
        n = r["N"]
        cells = r.get("cells")
        rate = n / r["wall"] if r["wall"] else None
        per_cell = cells / r["wall"] if cells and r["wall"] else None
        derived = r.get("derived")
        vals = [f"{n:,}", r["step"] + (" (sum)" if derived else ""), _fmt(r["wall"], 2),
                _fmt(r.get("cpu"), 1), _fmt(rate, 0), _fmt(cells), _fmt(per_cell, 0),
                _fmt(r["peak_rss_mib"], 0), _fmt(r["peak_pss_mib"], 0),
                _fmt(r["max_worker_rss_mib"], 0), _fmt(r.get("load"), 2)]
        lines.append("| " + " | ".join(vals) + " |")
    return lines


def write_doc(path: Path, rows: list[dict[str, Any]], args: argparse.Namespace,
              sizes: list[int], skipped: list[int], argv: list[str]) -> None:
    m = machine()
    lines = [
        "# Performance: intake and consolidation of 100 to 10,000 returns",
        "",
        "Written by `benchmarks/run.py` (issue #6) on "
        f"{datetime.now().strftime('%Y-%m-%d %H:%M')}. Every figure is a run of the "
        "command in a fresh process, timed from outside; a command shorter than "
        f"{REPEAT_BELOW_S:g} s is run three times and its median run kept. Shared machines "
        "move wall times by ±30% from run to run (see the load average column and CPU "
        "seconds), so compare the ratios measured in one run rather than absolute times.",
        "",
        "## Machine",
        "",
        f"- {m['nproc']} CPUs ({m['cpu']}), {m['memory']} memory, {m['os']}",
        f"- Python {m['python']}; {m['libraries']}",
        f"- `--jobs {args.jobs}` for `qmo` (worker processes); the naive baselines run in "
        "one process, as a pandas user's script would.",
        "",
        "## Bars",
        "",
        "| bar | measured | |",
        "| --- | ---: | :---: |",
    ]
    for bar, val, ok in bars(rows, sizes):
        lines.append(f"| {bar} | {val} | {ok} |")
    again = sorted({(r["N"], r["step"]) for r in rows if r.get("remeasured")})
    if again:
        lines += ["", "Re-measured alone on the machine after the run (they had overlapped "
                  "with other work): " + ", ".join(f"{s} (N = {n:,})" for n, s in again)
                  + "."]
    lines += ["", "## Ratios", ""]
    for n in sizes:
        r = ratios(rows, n)
        if r:
            lines.append(f"- N = {n:,}: " + "; ".join(f"{k} = {v:.2f}" for k, v in r.items()))
    lines += [
        "",
        "## Results",
        "",
        "`returns/s` is N divided by wall time; `cells written` counts the `<c>` elements of "
        "the summary workbook (consolidate), of the naive pipeline's workbook, or the cells "
        "bare xlsxwriter wrote (the same count as the summary); `cells/s` divides it by the "
        "step's wall time. Memory: the peak of the sum over the process and all its "
        "descendants, sampled every 50 ms; RSS counts pages shared by forked workers once "
        "per process, PSS shares them out (PSS is read at most every 0.5 s, as reading it costs "
        "the kernel a page-table walk, so it misses the peak of runs under a second). "
        "`max worker` is the largest single child "
        "process. `(sum)` rows add the intake and bare-write rows (wall, CPU) and take "
        "the larger of their peaks.",
        "",
    ]
    lines += table(rows)
    if skipped:
        lines += ["", "Naive baselines (`naive read`, `naive pipeline`) were skipped for N = "
                  + ", ".join(f"{n:,}" for n in skipped)
                  + f" (`--skip-naive-above {args.skip_naive_above}`): at 10,000 returns the "
                  "naive pipeline alone takes over ten minutes."]
    lines += ["", "### The returns", ""]
    for n in sizes:
        ir = _row(rows, n, "intake")
        if not ir:
            continue
        probs = {k: v for k, v in (ir.get("problems") or {}).items() if k != "none"}
        planted = ", ".join(f"{k} {v}" for k, v in sorted(probs.items()))
        lines.append(f"- N = {n:,}: {ir.get('files', '?'):,} files; problems planted in "
                     f"{sum(probs.values()):,} returns ({planted}); "
                     f"`qmo validate` stats: {json.dumps(ir.get('stats', {}))}")
        c = _row(rows, n, "consolidate")
        if c:
            lines.append(f"  consolidate wrote {c.get('feedback_files', 0):,} feedback "
                         f"workbooks and a summary of {c.get('summary_bytes', 0) / MIB:.1f} MiB "
                         f"({_fmt(c.get('cells'))} cells).")
    lines += [
        "",
        "Every return is written by `qmo_excel.template.unit_book.write_unit_workbook` (the "
        "real template) with 20–60 objective/indicator rows and 20–80 tasks in Vietnamese, "
        "the self-assessment being the judge's own verdict of the figures. About 10% carry "
        "a planted problem: bad or duplicated indicator codes, plan rows pointing at "
        "missing objectives, an empty required field, contradicting self-assessments, "
        "targets such as \"#REF!\" or \"phấn đấu cao hơn năm trước\", a truncated (corrupt) "
        ".xlsx or an old .xls (an OLE2 file naming a Workbook stream); about 1% have an "
        "Excel lock file (`~$…`) beside them.",
        "",
        "## Long summary sheets",
        "",
        "`summary.write_summary(…, big_sheet_rows=200_000)`: a list sheet longer than "
        "200,000 rows shows its first 200,000 and says on its second row that the full "
        "list is in the CSV export, and the whole workbook is then written in xlsxwriter's "
        "`constant_memory` mode. 10,000 returns hold about 400,000 indicator rows and "
        "500,000 task rows, so both sheets are cut at that size (the other sheets — "
        "ranking, intake, problems — still grow with N); 1,000 returns are written in "
        "full. With `constant_memory` the writer's own memory stays flat; the peak of a "
        "large run comes from the records held in the main process (see the notes).",
        "",
        "## How to reproduce",
        "",
        "```sh",
        "pip install -e '.[test]'",
        "python " + " ".join(shlex.quote(a) for a in ["benchmarks/run.py", *argv]),
        "```",
        "",
        "The commands it times, for a set in `ROOT/N<size>/returns` (J = `--jobs`):",
        "",
        "```sh",
        "python benchmarks/make_returns.py ROOT/N1000 -n 1000        # cached; not timed",
        "python -m qmo_excel validate ROOT/N1000/returns --format json --quiet --jobs J > out.json",
        "python benchmarks/naive.py floor ROOT/N1000/returns",
        "python benchmarks/naive.py read ROOT/N1000/returns",
        f"python -m qmo_excel consolidate ROOT/N1000/returns -o OUT --as-of {AS_OF} --quiet "
        "--jobs J",
        f"python -m qmo_excel consolidate ROOT/N1000/returns -o OUT2 --as-of {AS_OF} --quiet "
        "--jobs J --no-feedback",
        "python benchmarks/naive.py pipeline ROOT/N1000/returns naive.xlsx",
        "python benchmarks/naive.py bare-write bare.xlsx CELLS   # CELLS = cells of the summary",
        "```",
        "",
    ]
    if getattr(args, "notes", None):
        lines += ["## Notes", "", Path(args.notes).read_text("utf-8").rstrip(), ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), "utf-8")


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    ap = argparse.ArgumentParser(description="Benchmark qmo intake and consolidate.")
    ap.add_argument("--sizes", default="100,1000,10000",
                    help="comma-separated numbers of returns (default 100,1000,10000)")
    ap.add_argument("--root", type=Path, default=Path("/tmp/qmo-bench"),
                    help="cache of generated sets: ROOT/N<size> (reused when present)")
    ap.add_argument("--work", type=Path, default=None,
                    help="where outputs go (default ROOT/work)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3,
                    help=f"runs of a command shorter than {REPEAT_BELOW_S:g} s (median kept)")
    ap.add_argument("--skip-naive-above", type=int, default=None,
                    help="skip the naive pandas baselines for N above this")
    ap.add_argument("--skip-variant-above", type=int, default=None,
                    help="skip the `consolidate --no-feedback` run for N above this")
    ap.add_argument("--from-results", type=Path, default=None,
                    help="only re-render the report from a results.json of an earlier run")
    ap.add_argument("--doc", type=Path, default=None,
                    help="write the Markdown report here (e.g. docs/performance.md)")
    ap.add_argument("--notes", type=Path, default=None,
                    help="a Markdown file appended to the report as 'Notes'")
    args = ap.parse_args(argv)
    sizes = sorted(int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip())
    work = args.work or args.root / "work"

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    if args.from_results:
        saved = json.loads(args.from_results.read_text("utf-8"))
        old_rows: list[dict[str, Any]] = saved["rows"]
        old_sizes: list[int] = saved["sizes"]
        old_argv: list[str] = saved.get("argv", argv)
        old_args = ap.parse_args(old_argv)
        old_args.notes = args.notes
        missed = [n for n in old_sizes if not any(r["N"] == n and r["step"] == "naive read"
                                                  for r in old_rows)]
        if args.doc:
            write_doc(args.doc, old_rows, old_args, old_sizes, missed, old_argv)
        print("\n".join(table(old_rows)))
        return 0
    rows: list[dict[str, Any]] = []
    skipped = []
    # the largest set first: the smaller ones are then hard-linked prefixes of it
    make_set(args.root / f"N{max(sizes)}", max(sizes), seed=args.seed, jobs=args.jobs, log=log)
    for n in sizes:
        naive = args.skip_naive_above is None or n <= args.skip_naive_above
        if not naive:
            skipped.append(n)
        variant = args.skip_variant_above is None or n <= args.skip_variant_above
        rows += run_size(n, args.root, work, jobs=args.jobs, naive=naive, seed=args.seed,
                         log=log, variant=variant, repeat=args.repeat)
        results = {"machine": machine(), "sizes": sizes, "rows": rows, "argv": argv}
        (args.root / "results.json").write_text(json.dumps(results, ensure_ascii=False,
                                                           indent=1, default=str), "utf-8")
        for k, v in ratios(rows, n).items():
            print(f"N={n:>6,}  {k:<44} {v:8.2f}")
    print()
    print("\n".join(table(rows)))
    print()
    for bar, val, ok in bars(rows, sizes):
        print(f"{ok} {bar}: {val}")
    if args.doc:
        write_doc(args.doc, rows, args, sizes, skipped, argv)
        print(f"\nwrote {args.doc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
