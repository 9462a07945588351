"""Run a function over items in reusable, isolated worker processes.

Each worker is started once and fed one item at a time over its own pipe, so the item a
worker is busy with is always known: when it runs past ``timeout``, dies (abort, segfault,
SIGKILL) or raises, that item alone gets a :class:`Failure` and a fresh worker takes the
dead one's place. ``RLIMIT_AS`` bounds each worker's address space. A worker's stderr goes
to a private temporary file, so native crash messages (Rust panics, allocation failures)
do not litter the console and are used to tell "memory" from "crashed".

Why not a library: pebble 5.2.3 (the well-kept pool with per-task timeouts and crashed
worker detection) was tried in its place on 2026-11-29 and passed the whole suite, at the
same speed. But its workers share one task channel read by background threads, and with
the main process busy (as when `consolidate` writes the summary while feedback workers
run), 1 to 6 crashes in 400 were blamed on the wrong item, some rounds failed good
items when the pool gave up, and twice items waiting to be sent were never failed (a hang,
like its open issue #153). Knowing which file killed a worker is the one thing this pool
must never get wrong, so each worker keeps a pipe of its own here. ``concurrent.futures``
breaks the whole pool on one dead worker, and loky behaves the same way.
"""

from __future__ import annotations

import atexit
import contextlib
import faulthandler
import gc
import multiprocessing as mp
import os
import signal
import sys
import tempfile
import time
import traceback
from collections import deque
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Literal, TypeVar

T = TypeVar("T")
R = TypeVar("R")

FailureKind = Literal["timeout", "crashed", "memory", "error"]
_MEMORY_HINTS = ("memory allocation of", "MemoryError", "Cannot allocate memory",
                 "out of memory", "std::bad_alloc", "capacity overflow")


@dataclass
class Failure:
    kind: FailureKind
    detail: str
    seconds: float = field(default=0.0, compare=False)  # how long the item ran


STDERR_TAIL = 256 * 1024  # bytes of a dead worker's stderr searched for a memory hint
_LIVE: set[Any] = set()  # every started worker process, for the atexit safety net


def _kill_all_live() -> None:
    for proc in list(_LIVE):
        _stop(proc)


atexit.register(_kill_all_live)


def _context() -> Any:
    if sys.platform.startswith("linux"):
        return mp.get_context("fork")
    return mp.get_context("spawn")


def _vm_bytes() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _worker(func: Callable[[Any], Any], conn: Connection, memory_mb: int | None,
            stderr_path: str, nice: int = 0) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl+C
    # What the worker inherited from its parent (maybe a whole round's records) is never
    # walked by the garbage collector, so its pages stay shared instead of copied.
    gc.freeze()
    gc.enable()  # the parent may have paused collection for itself; openpyxl makes cycles
    if nice:
        with contextlib.suppress(OSError, AttributeError):
            os.nice(nice)
    try:
        fd = os.open(stderr_path, os.O_WRONLY | os.O_APPEND)
        os.dup2(fd, 2)
        os.close(fd)
        if faulthandler.is_enabled():  # e.g. under pytest: dump into the private file too
            faulthandler.enable(file=sys.stderr)
    except (OSError, ValueError, AttributeError):
        pass
    if memory_mb is not None:
        import resource
        limit = _vm_bytes() + memory_mb * 1024 * 1024
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        index, item = msg
        try:
            out: Any = (index, True, func(item))
        except MemoryError:
            out = (index, False, Failure("memory", "hết bộ nhớ cho phép khi đọc tệp"))
        except BaseException as exc:  # pyo3 PanicException derives from BaseException
            text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            out = (index, False, Failure("error", f"{type(exc).__name__}: {text[-300:]}"))
        try:
            conn.send(out)
        except MemoryError:
            conn.send((index, False, Failure("memory", "hết bộ nhớ cho phép khi đọc tệp")))
        except Exception as exc:  # an unpicklable result
            conn.send((index, False, Failure("error", f"kết quả không gửi được: {exc!r}"[:300])))


class _Slot:
    """One worker process, its pipe, its stderr file and the item it is busy with."""

    def __init__(self, ctx: Any, func: Callable[[Any], Any], memory_mb: int | None,
                 nice: int = 0) -> None:
        fd, self.stderr_path = tempfile.mkstemp(prefix="qmo-worker-", suffix=".log")
        os.close(fd)
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker, args=(func, child, memory_mb,
                                                      self.stderr_path, nice), daemon=True)
        self.proc.start()
        _LIVE.add(self.proc)
        child.close()
        self.index: int | None = None
        self.started = 0.0

    def give(self, index: int, item: Any) -> None:
        self.index, self.started = index, time.monotonic()
        # A worker that died just now is noticed by its sentinel in the main loop.
        with contextlib.suppress(OSError):
            self.conn.send((index, item))

    def stderr_tail(self) -> str:
        """The end of what the worker printed: generously, since a Rust allocation
        failure prints its one line and then a backtrace of many kilobytes."""
        try:
            with open(self.stderr_path, "rb") as fh:
                fh.seek(0, os.SEEK_END)
                fh.seek(max(0, fh.tell() - STDERR_TAIL))
                return fh.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def close(self, graceful: bool) -> None:
        if graceful and self.proc.is_alive():
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)
            self.proc.join(1.0)
        _stop(self.proc)
        with contextlib.suppress(OSError):
            self.conn.close()
        with contextlib.suppress(OSError):
            os.unlink(self.stderr_path)


def _stop(proc: Any) -> None:
    try:
        if proc.is_alive():
            proc.kill()
        proc.join(5.0)
    except (OSError, ValueError, AssertionError):
        pass
    _LIVE.discard(proc)


def _death(slot: _Slot) -> Failure:
    code = slot.proc.exitcode
    tail = slot.stderr_tail()
    if any(h in tail for h in _MEMORY_HINTS):
        return Failure("memory", "hết bộ nhớ cho phép khi đọc tệp")
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = str(-code)
        return Failure("crashed", f"tiến trình đọc tệp bị dừng đột ngột ({name})")
    return Failure("crashed", f"tiến trình đọc tệp kết thúc bất thường (mã {code})")


class Workers:
    """Isolated worker processes for ``func``, started now and fed later by ``run``.

    Starting them early (say, before a round's records fill this process) keeps forked
    workers small: they share only what the parent held when they were forked. A worker
    that dies or runs out of time is replaced by a fresh one forked at that moment.
    ``nice`` lowers the workers' CPU priority: background work that should yield the
    cores to this process.
    """

    def __init__(self, func: Callable[[Any], Any], *, jobs: int | None = None,
                 timeout: float = 30.0, memory_mb: int | None = 1024, nice: int = 0) -> None:
        self.func, self.timeout, self.memory_mb, self.nice = func, timeout, memory_mb, nice
        self.ctx = _context()
        self.slots = [_Slot(self.ctx, func, memory_mb, nice)
                      for _ in range(max(1, jobs or os.cpu_count() or 1))]
        self.graceful = True

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for slot in self.slots:
            slot.close(self.graceful)
        self.slots = []

    def run(self, items: Sequence[T]) -> Generator[tuple[int, Any], None, None]:
        """Yield ``(index, func(items[index]) or Failure)`` in completion order."""
        if not items:
            return
        timeout, slots = self.timeout, self.slots
        pending: deque[int] = deque(range(len(items)))
        self.graceful = False
        for slot in slots:
            if not pending:
                break
            nxt = pending.popleft()
            slot.give(nxt, items[nxt])
        while any(s.index is not None for s in slots):
            busy = [s for s in slots if s.index is not None]
            now = time.monotonic()
            wait_for = max(0.0, min(s.started + timeout for s in busy) - now)
            ready = wait([s.conn for s in busy] + [s.proc.sentinel for s in busy], wait_for)
            for i, slot in enumerate(slots):
                if slot.index is None:
                    continue
                index = slot.index
                result: Any = None
                replace = False
                if slot.conn in ready:
                    try:
                        got_index, _ok, result = slot.conn.recv()
                        assert got_index == index
                    except (EOFError, OSError):
                        slot.proc.join(1.0)
                        result, replace = _death(slot), True
                elif slot.proc.sentinel in ready:
                    slot.proc.join(1.0)
                    result, replace = _death(slot), True
                elif time.monotonic() - slot.started >= timeout:
                    result = Failure("timeout", f"quá {timeout:g} giây")
                    replace = True
                else:
                    continue
                if isinstance(result, Failure):
                    result.seconds = time.monotonic() - slot.started
                slot.index = None
                if replace:
                    slot.close(graceful=False)
                    slots[i] = slot = _Slot(self.ctx, self.func, self.memory_mb, self.nice)
                if pending and slot.proc.is_alive():
                    nxt = pending.popleft()
                    slot.give(nxt, items[nxt])
                yield index, result
        self.graceful = True


def run_isolated(func: Callable[[T], R], items: Sequence[T], *, jobs: int | None = None,
                 timeout: float = 30.0, memory_mb: int | None = 1024
                 ) -> Generator[tuple[int, R | Failure], None, None]:
    """Yield ``(index, func(items[index]) or Failure)`` in completion order."""
    if not items:
        return
    n = max(1, min(jobs or os.cpu_count() or 1, len(items)))
    with Workers(func, jobs=n, timeout=timeout, memory_mb=memory_mb) as workers:
        yield from workers.run(items)
