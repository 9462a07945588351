"""run_isolated: timeouts, crashes, memory, exceptions cost one item; workers are reused."""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import time

import pytest

from qmo_excel.jobs import pool
from qmo_excel.jobs.pool import Failure, Workers, run_isolated


class Boom(BaseException):
    pass


def work(x: int) -> int:
    if x == 3:
        time.sleep(1000)
    if x == 5:
        os.abort()
    if x == 7:
        bytearray(5 * 1024**3)
    if x == 9:
        raise Boom("boom")
    if x == 11:
        os.kill(os.getpid(), 9)
    return os.getpid()


def rust_oom(_: object) -> None:
    """What python-calamine does when an allocation fails: one line, then a backtrace
    of many kilobytes (RUST_BACKTRACE), then abort."""
    os.write(2, b"memory allocation of 1073741824 bytes failed\nstack backtrace:\n")
    for i in range(3000):
        os.write(2, f"  {i}: calamine::xls::Xls::parse_workbook at src/xls.rs:{i}\n".encode())
    os.abort()


def test_a_memory_failure_is_told_from_a_crash_despite_a_long_backtrace() -> None:
    res = dict(run_isolated(rust_oom, [None], jobs=1, timeout=10))
    assert isinstance(res[0], Failure) and res[0].kind == "memory"


def niceness(_: object) -> int:
    return os.nice(0)


def test_workers_can_yield_the_cores() -> None:
    with Workers(niceness, jobs=1, nice=5) as workers:
        assert dict(workers.run([None]))[0] == os.nice(0) + 5
    with Workers(niceness, jobs=1) as workers:
        assert dict(workers.run([None]))[0] == os.nice(0)


def collects_garbage(_: object) -> bool:
    return gc.isenabled()


def test_workers_collect_garbage_when_the_parent_paused_it() -> None:
    # consolidate pauses collection for itself; openpyxl in a feedback worker makes cycles
    was = gc.isenabled()
    gc.disable()
    try:
        with Workers(collects_garbage, jobs=1) as workers:
            assert dict(workers.run([None]))[0] is True
    finally:
        if was:
            gc.enable()


def _children() -> list[int]:
    me = os.getpid()
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == me:
                out.append(int(d))
    return out


def test_failures_cost_one_item_each_and_workers_are_reused() -> None:
    before = set(_children())
    t0 = time.monotonic()
    res = dict(run_isolated(work, list(range(60)), jobs=2, timeout=1.5, memory_mb=512))
    assert time.monotonic() - t0 < 20
    assert sorted(res) == list(range(60))
    assert res[3] == Failure("timeout", res[3].detail)  # type: ignore[union-attr]
    kinds = {i: r.kind for i, r in res.items() if isinstance(r, Failure)}
    assert kinds == {3: "timeout", 5: "crashed", 7: "memory", 9: "error", 11: "crashed"}
    assert "Boom" in res[9].detail  # type: ignore[union-attr]
    pids = {r for r in res.values() if isinstance(r, int)}
    assert len(pids) <= 2 + 4  # two workers plus one replacement per fatal failure
    assert set(_children()) <= before


def test_jobs_one_still_isolates() -> None:
    res = dict(run_isolated(work, [1, 5, 2], jobs=1, timeout=5))  # index -> result
    assert isinstance(res[0], int) and res[0] != os.getpid()
    assert isinstance(res[1], Failure) and res[1].kind == "crashed"
    assert isinstance(res[2], int)


def test_closing_early_leaves_no_children() -> None:
    before = set(_children())
    it = run_isolated(work, [1, 2, 3, 4, 6, 8], jobs=2, timeout=30)
    next(it)
    it.close()
    assert set(_children()) <= before
    assert not pool._LIVE


def test_empty_input() -> None:
    assert list(run_isolated(work, [])) == []


def test_spawn_start_method(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "_context", lambda *a: mp.get_context("spawn"))
    res = dict(run_isolated(work, [1, 5, 2], jobs=2, timeout=30))
    assert isinstance(res[0], int) and isinstance(res[2], int)
    assert isinstance(res[1], Failure) and res[1].kind == "crashed"


def test_workers_started_early_serve_several_runs() -> None:
    with Workers(work, jobs=2, timeout=30) as workers:
        first = {s.proc.pid for s in workers.slots}
        assert set(dict(workers.run([1, 2])).values()) <= first  # the same processes
        res = dict(workers.run([5, 4]))
        assert isinstance(res[0], Failure) and res[0].kind == "crashed"
        assert res[1] in first
        now = {s.proc.pid for s in workers.slots}
        assert len(now) == 2 and len(first & now) == 1  # the dead one was replaced
        assert dict(workers.run([6]))[0] in now
    assert not workers.slots


def test_throughput_of_trivial_items() -> None:
    t0 = time.monotonic()
    res = list(run_isolated(abs, list(range(-2000, 0)), jobs=2))
    assert len(res) == 2000
    assert time.monotonic() - t0 < 5  # ~0.2 s measured: per-item overhead is small
