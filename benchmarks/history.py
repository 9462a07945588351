"""Benchmark the history (issue 20): what recording a round costs, and a province round.

    python benchmarks/history.py --root /tmp/qmo-bench --returns 10000 --province 2000

**History** (N synthetic returns, `make_returns.py`; every command a fresh process timed
from outside, as `run.py` does):

1. `qmo consolidate RETURNS --no-feedback --no-history` (the run without the history;
   every run here is without feedback workbooks, whose cost does not depend on it);
2. a round of the same returns recorded as Năm 2022 (a round workbook saying so): the
   earlier round the next run compares with (not timed);
3. `qmo consolidate RETURNS --history DB`: the 2023 round recorded, its summary with the
   trends against 2022;
4. the same again: the round replaced.

Runs 3 and 4 go through a wrapper that times, inside the process, the history's parts:
checking the file, computing the trends, writing the summary (which now holds the trends
sheet and columns), writing the manifest, recording the round (one transaction).
Reported: the seconds each part took, the wall time added to the run, the database and
manifest sizes.

**Province** (P returns split into T towns): each town is consolidated with
`--export-json` (not timed), then `qmo consolidate EXPORTS` (the province round, a fresh
history) is timed. The bar: 2,000 units' exports consolidate in under a minute on two
cores.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from make_returns import make_set  # noqa: E402
from run import machine, measure  # noqa: E402

AS_OF = "2023-12-20"
MIB = 1024 * 1024

# Runs `qmo` with the history's parts timed; writes {part: seconds} to QMO_BENCH_TIMES.
WRAPPER = r"""
import json, os, sys, time
import qmo_excel.history.run as hr
import qmo_excel.summary as summary
times = {}
def timed(name, f):
    def w(*a, **k):
        t = time.perf_counter()
        try:
            return f(*a, **k)
        finally:
            times[name] = times.get(name, 0.0) + time.perf_counter() - t
    return w
hr.open_history = timed("open and check", hr.open_history)
hr.compute_trends = timed("trends", hr.compute_trends)
hr.write_manifest = timed("manifest", hr.write_manifest)
hr.record_round = timed("record (one transaction)", hr.record_round)
summary.write_summary = timed("summary workbook", summary.write_summary)
from qmo_excel.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    with open(os.environ["QMO_BENCH_TIMES"], "w") as fh:
        json.dump(times, fh)
"""


def _round_workbook(path: Path, *, town: str, year: int, register: list[Any] | None = None
                    ) -> Path:
    from qmo_excel.model import RoundConfig
    from qmo_excel.round.book import write_round_workbook

    write_round_workbook(path, config=RoundConfig(town=town, year=year, period="year",
                                                  register=register or []))
    return path


def _timed(cmd: list[str], out: Path, name: str, log: Any) -> dict[str, Any]:
    times = out / f"{name}.times.json"
    env_cmd = cmd
    os.environ["QMO_BENCH_TIMES"] = str(times)
    res = measure(env_cmd, out / f"{name}.out")
    try:
        res["parts"] = json.loads(times.read_text("utf-8"))
    except (OSError, ValueError):
        res["parts"] = {}
    log(f"  {name:<28} {res['wall']:8.2f} s wall {res['cpu']:8.2f} s CPU "
        f"{res['peak_rss_mib']:7.0f} MiB tree rc={res['rc']}")
    return res


def history_bench(n: int, root: Path, jobs: int, log: Any) -> dict[str, Any]:
    returns = make_set(root / f"N{n}", n, jobs=jobs, log=log)
    out = root / "history" / f"N{n}"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    db = out / "lich-su-MTCL.sqlite"
    town = "UBND thị xã Thử nghiệm"
    r2023 = _round_workbook(out / "round-2023.xlsx", town=town, year=2023)
    r2022 = _round_workbook(out / "round-2022.xlsx", town=town, year=2022)
    py = [sys.executable, "-c", WRAPPER]
    # without feedback workbooks: what they cost does not depend on the history, and with
    # them the runs are long and noisy on a shared machine
    base = ["consolidate", str(returns), "--as-of", AS_OF, "--quiet", "--jobs", str(jobs),
            "--no-feedback"]
    rows = {}
    rows["without history"] = _timed([*py, *base, "--round", str(r2023), "-o",
                                      str(out / "a"), "--no-history"], out, "nohistory", log)
    seed = _timed([*py, *base, "--round", str(r2022), "-o", str(out / "seed"),
                   "--history", str(db)], out, "seed-2022", log)
    rows["seed"] = seed
    size_one = db.stat().st_size
    rows["with history"] = _timed([*py, *base, "--round", str(r2023), "-o", str(out / "b"),
                                   "--history", str(db)], out, "history", log)
    rows["re-run (replace)"] = _timed([*py, *base, "--round", str(r2023), "-o",
                                       str(out / "c"), "--history", str(db)], out, "rerun", log)
    manifests = sorted((out / "b").glob("vet-kiem-tra-*.json"))
    return {"N": n, "rows": rows, "db_bytes_one_round": size_one,
            "db_bytes_two_rounds": db.stat().st_size,
            "manifest_bytes": manifests[0].stat().st_size if manifests else 0,
            "summary_bytes": sum(p.stat().st_size for p in (out / "b").glob("*.xlsx"))}


def province_bench(n: int, towns: int, root: Path, jobs: int, log: Any) -> dict[str, Any]:
    from qmo_excel.model import RegisteredUnit

    returns = make_set(root / f"N{n}", n, jobs=jobs, log=log)
    work = root / "province" / f"N{n}"
    if work.exists():
        shutil.rmtree(work)
    exports = work / "TINH" / "exports"
    exports.mkdir(parents=True)
    files = sorted(p for p in returns.iterdir())
    names = {f"T{k + 1:02d}": f"UBND thị xã Thử nghiệm {k + 1}" for k in range(towns)}
    t0 = time.perf_counter()
    for k, (code, name) in enumerate(names.items()):
        folder = work / code / "returns"
        folder.mkdir(parents=True)
        for i, f in enumerate(files):
            if i % towns == k:
                os.link(f, folder / f.name)
        rb = _round_workbook(work / code / "round.xlsx", town=name, year=2023)
        res = measure([sys.executable, "-m", "qmo_excel", "consolidate", str(folder),
                       "--round", str(rb), "-o", str(work / code / "out"), "--as-of", AS_OF,
                       "--quiet", "--jobs", str(jobs), "--no-feedback", "--no-history",
                       "--export-json", str(exports / f"{code}.json")],
                      work / f"{code}.out")
        assert res["rc"] == 0, (work / f"{code}.stderr").read_text("utf-8")[-2000:]
    log(f"  {towns} towns consolidated in {time.perf_counter() - t0:.1f} s (not timed)")
    rb = _round_workbook(work / "TINH" / "round.xlsx", town="UBND tỉnh Thử nghiệm", year=2023,
                         register=[RegisteredUnit(c, nm) for c, nm in names.items()])
    res = measure([sys.executable, "-m", "qmo_excel", "consolidate", str(exports), "--round",
                   str(rb), "-o", str(work / "TINH" / "out"), "--as-of", AS_OF, "--quiet",
                   "--jobs", str(jobs), "--history", str(work / "tinh.sqlite")],
                  work / "province.out")
    assert res["rc"] == 0, (work / "province.stderr").read_text("utf-8")[-2000:]
    units = sum(sum(1 for u in json.loads(p.read_text("utf-8"))["units"] if u["submitted"])
                for p in exports.glob("*.json"))
    log(f"  province of {towns} towns: {res['wall']:.2f} s wall, {res['cpu']:.2f} s CPU, "
        f"{res['peak_rss_mib']:.0f} MiB")
    return {"N": n, "towns": towns, "row": res,
            "export_bytes": sum(p.stat().st_size for p in exports.glob("*.json")),
            "units": units,
            "db_bytes": (work / "tinh.sqlite").stat().st_size}


def _mib(b: float) -> str:
    return f"{b / MIB:,.1f} MiB"


def report(h: dict[str, Any] | None, p: dict[str, Any] | None, m: dict[str, str],
           when: str) -> list[str]:
    out = ["## The history (issue 20)", "",
           f"Written by `benchmarks/history.py` on {when}, "
           f"{m['nproc']} CPUs ({m['cpu']}), Python {m['python']} — every run a fresh "
           "process, timed from outside; the history's parts timed inside the same "
           "process.", ""]
    if h is not None:
        rows = h["rows"]
        wo, w, re_ = rows["without history"], rows["with history"], rows["re-run (replace)"]
        out += [f"**Recording {h['N']:,} returns' results** (`--jobs 2 --no-feedback`):", "",
                "| run | wall s | CPU s | peak tree RSS MiB |", "| --- | ---: | ---: | ---: |"]
        for name in ("without history", "with history", "re-run (replace)"):
            r = rows[name]
            out.append(f"| {name} | {r['wall']:.1f} | {r['cpu']:.1f} | "
                       f"{r['peak_rss_mib']:.0f} |")
        out += ["", "| part of the run with the history | first recording (s) | "
                "re-run, replacing (s) |", "| --- | ---: | ---: |"]
        for part in ("open and check", "trends", "summary workbook", "manifest",
                     "record (one transaction)"):
            out.append(f"| {part} | {w['parts'].get(part, 0):.2f} | "
                       f"{re_['parts'].get(part, 0):.2f} |")
        added = sum(w["parts"].get(k, 0) for k in ("open and check", "trends",
                                                    "record (one transaction)"))
        out += ["", f"- seconds the history adds (check the file, compute the trends, record "
                f"the round): **{added:.1f} s** of a {w['wall']:.0f} s run, "
                f"{w['cpu'] - wo['cpu']:+.1f} s CPU; the manifest, written by every run "
                f"with or without a history, takes {w['parts'].get('manifest', 0):.1f} s; "
                f"the summary with its trends sheet and columns "
                f"{w['parts'].get('summary workbook', 0):.1f} s against "
                f"{wo['parts'].get('summary workbook', 0):.1f} s without (wall times on a "
                f"shared machine: with minus without {w['wall'] - wo['wall']:+.1f} s)",
                f"- peak memory of the process tree: {w['peak_rss_mib'] - wo['peak_rss_mib']:+.0f}"
                " MiB with the history and its trends",
                f"- database: {_mib(h['db_bytes_one_round'])} with one round, "
                f"{_mib(h['db_bytes_two_rounds'])} with two (each round's manifest kept "
                "compressed inside)",
                f"- manifest beside the summary: {_mib(h['manifest_bytes'])} "
                f"(summary workbook: {_mib(h['summary_bytes'])})", ""]
    if p is not None:
        r = p["row"]
        ok = "✓" if r["wall"] < 60 else "✗"
        out += [f"**A province round of {p['units']:,} units' exports** ({p['towns']} towns' "
                f"JSON exports, {_mib(p['export_bytes'])}; `--jobs 2`): "
                f"{r['wall']:.1f} s wall, {r['cpu']:.1f} s CPU, peak tree RSS "
                f"{r['peak_rss_mib']:.0f} MiB, its history {_mib(p['db_bytes'])} — bar: "
                f"under 60 s {ok}", ""]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark the history and a province round.")
    ap.add_argument("--root", type=Path, default=Path("/tmp/qmo-bench"))
    ap.add_argument("--returns", type=int, default=10000, help="returns recorded (0: skip)")
    ap.add_argument("--province", type=int, default=2000, help="units' exports (0: skip)")
    ap.add_argument("--towns", type=int, default=10)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, default=None, help="write the Markdown here")
    ap.add_argument("--from-results", type=Path, default=None,
                    help="only re-render the Markdown from a saved history-results.json")
    args = ap.parse_args(argv)
    if args.from_results:
        saved = json.loads(args.from_results.read_text("utf-8"))
        text = "\n".join(report(saved["history"], saved["province"], saved["machine"],
                                 saved.get("when", "")))
        print(text)
        if args.out:
            args.out.write_text(text + "\n", "utf-8")
        return 0

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    h = history_bench(args.returns, args.root, args.jobs, log) if args.returns else None
    p = province_bench(args.province, args.towns, args.root, args.jobs, log) \
        if args.province else None
    when = time.strftime("%Y-%m-%d %H:%M")
    (args.root / "history-results.json").write_text(
        json.dumps({"machine": machine(), "history": h, "province": p, "when": when},
                   default=str, indent=1), "utf-8")
    text = "\n".join(report(h, p, machine(), when))
    print(text)
    if args.out:
        args.out.write_text(text + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
