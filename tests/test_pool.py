"""run_isolated: timeouts, crashes, memory, exceptions cost one item; workers are reused."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import os
import sys
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


# --- the same promises where RLIMIT_AS does not exist (Windows, macOS): issue 17 ------

def swell(chunks: int) -> int:
    """Grow resident memory by ``chunks`` × 32 MiB in steps, as a file that inflates."""
    held = []
    for _ in range(chunks):
        held.append(bytearray(32 * 1024**2))  # zero-filled: resident at once
        time.sleep(0.005)
    return os.getpid() if not chunks else len(held)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_memory_is_bounded_by_the_watchdog_where_rlimit_is_missing(
        monkeypatch: pytest.MonkeyPatch, method: str) -> None:
    monkeypatch.setattr(pool, "memory_mode", lambda: "watch")
    monkeypatch.setattr(pool, "_context", lambda: mp.get_context(method))
    res = dict(run_isolated(swell, [0, 40, 0], jobs=2, timeout=30, memory_mb=256))
    assert isinstance(res[1], Failure) and res[1].kind == "memory"
    assert res[1].detail == pool.OUT_OF_MEMORY  # the same failure as under RLIMIT_AS
    assert isinstance(res[0], int) and isinstance(res[2], int)  # it cost only its item
    assert not pool._LIVE


def test_the_watchdog_leaves_a_worker_within_its_bound_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "memory_mode", lambda: "watch")
    res = dict(run_isolated(swell, [20], jobs=1, timeout=30, memory_mb=1024))
    assert res[0] == 20


def test_memory_mode_follows_the_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import SIMULATED_WINDOWS

    expected = "rlimit" if sys.platform.startswith("linux") and not SIMULATED_WINDOWS \
        else "watch"
    assert pool.memory_mode() == expected
    monkeypatch.setattr(sys, "platform", "win32")
    assert pool.memory_mode() == "watch"
    monkeypatch.setattr(sys, "platform", "darwin")  # macOS does not enforce RLIMIT_AS
    assert pool.memory_mode() == "watch"


def test_the_start_method_the_program_chose_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mp, "get_start_method", lambda allow_none=False: "spawn")
    assert pool._context().get_start_method() == "spawn"
    monkeypatch.setattr(mp, "get_start_method", lambda allow_none=False: None)
    monkeypatch.setattr(sys, "platform", "win32")
    assert pool._context().get_start_method() == "spawn"


def windows_priority(_: object) -> int:
    """In a worker: what _lower_priority does where os.nice does not exist (Windows),
    with psutil's Windows priority class standing in as a POSIX niceness."""
    import psutil

    del os.nice
    psutil.BELOW_NORMAL_PRIORITY_CLASS = 7  # type: ignore[attr-defined]
    pool._lower_priority(5)
    return int(psutil.Process().nice())


def test_workers_yield_the_cores_without_os_nice() -> None:
    assert os.nice(0) < 7
    assert dict(run_isolated(windows_priority, [None], jobs=1))[0] == 7


def test_a_worker_dead_while_idle_is_replaced_before_it_gets_an_item() -> None:
    # On Linux a worker dies with the thread that started it (PR_SET_PDEATHSIG): when a
    # later run comes from another thread, that item must not be blamed for it.
    with Workers(work, jobs=1, timeout=30) as workers:
        dead = workers.slots[0].proc
        os.kill(dead.pid, 9)
        dead.join(5)
        res = dict(workers.run([1]))
        assert isinstance(res[0], int) and res[0] != dead.pid


def test_workers_started_by_a_thread_that_ended_still_serve() -> None:
    import threading

    box: list[Workers] = []
    t = threading.Thread(target=lambda: box.append(Workers(work, jobs=2, timeout=30)))
    t.start()
    t.join()
    with box[0] as workers:
        res = dict(workers.run([1, 2, 4]))
        assert all(isinstance(r, int) for r in res.values())


def stay(kind: str) -> int:
    """Keep a worker busy: asleep (the GIL free) or spinning in C (the GIL held)."""
    if kind == "sleep":
        time.sleep(600)
    elif kind == "spin":
        sum(range(10**15))  # one C loop: no Python code runs in this process meanwhile
    return 0


_PARENT = r"""
import json, multiprocessing as mp, sys, threading, time
mp.set_start_method(sys.argv[1], force=True)
from qmo_excel.jobs.pool import Workers
from test_pool import stay
workers = Workers(stay, jobs=3, timeout=600)
threading.Thread(target=lambda: next(workers.run(sys.argv[2:])), daemon=True).start()
import psutil
while sum(s.index is not None for s in workers.slots) < len(sys.argv[2:]):
    time.sleep(0.01)
deadline = time.monotonic() + 60  # spawned workers may take a while on a busy machine
while time.monotonic() < deadline and not all(
        psutil.Process(s.proc.pid).num_threads() >= 2 for s in workers.slots):
    time.sleep(0.01)  # each worker is up: its lifeline thread runs
time.sleep(0.5)  # and the busy ones are in their items
print(json.dumps([s.proc.pid for s in workers.slots]), flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_workers_die_with_a_parent_killed_hard(method: str) -> None:
    """After kill -9 of the main process its workers end: idle ones, one busy in Python
    and, on Linux, one stuck in C code that holds the GIL."""
    import json
    import signal
    import subprocess
    from pathlib import Path

    items = ["sleep", "spin"] if sys.platform.startswith("linux") else ["sleep"]
    parent = subprocess.Popen([sys.executable, "-c", _PARENT, method, *items],
                              stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).parent)
    pids: list[int] = []
    try:
        assert parent.stdout is not None
        pids = json.loads(parent.stdout.readline())
        assert len(pids) == 3 and all(_alive(p) for p in pids)
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 2 * pool.LIFELINE_EVERY + 3
        while any(_alive(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [p for p in pids if _alive(p)]
    finally:
        parent.kill()
        parent.wait(10)
        if parent.stdout is not None:
            parent.stdout.close()
        for p in pids:
            with contextlib.suppress(OSError):
                os.kill(p, signal.SIGKILL)


def how_workers_run(_: object) -> tuple[str, str]:
    return pool.memory_mode(), mp.get_start_method()


def test_the_simulated_windows_reaches_the_workers() -> None:
    """Under QMO_SIMULATE_WINDOWS=1 the workers are spawned without `resource`: checked
    here in the simulated run, and from the ordinary run in a simulated subprocess."""
    from conftest import SIMULATED_WINDOWS

    if not SIMULATED_WINDOWS:
        import subprocess
        import sys
        from pathlib import Path

        here = Path(__file__).parent
        env = {**os.environ, "QMO_SIMULATE_WINDOWS": "1",
               "PYTHONPATH": os.pathsep.join([str(here / "winsim"), str(here)])}
        code = ("import sys; sys.argv=['x']\n"
                "from test_pool import test_the_simulated_windows_reaches_the_workers as t\n"
                "t(); print('ok')")
        out = subprocess.run([sys.executable, "-c", code], env=env, cwd=here,
                             capture_output=True, text=True, timeout=120)
        assert out.stdout.strip().endswith("ok"), out.stderr[-2000:]
        return
    assert pool._context().get_start_method() == "spawn"
    with pytest.raises(ImportError):
        exec("import resource", {"__name__": "qmo_excel.anything"})
    assert dict(run_isolated(how_workers_run, [None], jobs=1))[0] == ("watch", "spawn")
