"""Run a function over items in reusable, isolated worker processes.

Each worker is started once and fed one item at a time over its own pipe, so the item a
worker is busy with is always known: when it runs past ``timeout``, dies (abort, segfault,
SIGKILL) or raises, that item alone gets a :class:`Failure` and a fresh worker takes the
dead one's place. A worker's stderr goes to a private temporary file, so native crash
messages (Rust panics, allocation failures) do not litter the console and are used to
tell "memory" from "crashed".

The same promises on Linux, macOS and Windows:

- memory: on Linux ``RLIMIT_AS`` bounds each worker's address space (an allocation past
  it fails inside the worker). Where that does not exist or is not enforced (Windows, no
  ``resource`` module; macOS ignores ``RLIMIT_AS``), the parent watches each busy
  worker's resident memory with psutil every ``WATCH_EVERY`` seconds and kills one that
  grows past its bound: the item gets the same ``Failure("memory")``.
- dying with the parent, also after ``kill -9`` of it: each worker has a lifeline thread
  that waits on the parent (``multiprocessing``'s parent sentinel: a pipe that reaches
  EOF, or on Windows the parent's process handle; on POSIX also a change of
  ``getppid()``) and ends the worker when it is gone. On Linux the kernel also kills a
  worker started by the parent's main thread with its parent (``PR_SET_PDEATHSIG``),
  even when it is stuck in native code that holds the GIL.
- start method: ``fork`` on Linux (workers share the parent's loaded modules), ``spawn``
  elsewhere, or whatever the program set with ``multiprocessing.set_start_method``.
  Everything sent to a worker pickles; nothing relies on globals inherited by fork.
- ``nice``: ``os.nice`` on POSIX, psutil's below-normal priority class on Windows.

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
import threading
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
# How a worker's memory is bounded: the kernel's RLIMIT_AS, or the parent's watchdog.
MemoryMode = Literal["rlimit", "watch"]
_MEMORY_HINTS = ("memory allocation of", "MemoryError", "Cannot allocate memory",
                 "out of memory", "std::bad_alloc", "capacity overflow")
OUT_OF_MEMORY = "hết bộ nhớ cho phép khi đọc tệp"


@dataclass
class Failure:
    kind: FailureKind
    detail: str
    seconds: float = field(default=0.0, compare=False)  # how long the item ran


STDERR_TAIL = 256 * 1024  # bytes of a dead worker's stderr searched for a memory hint
WATCH_EVERY = 0.05  # seconds between two looks at a watched worker's memory
LIFELINE_EVERY = 1.0  # seconds between two looks at getppid() in a worker
_LIVE: set[Any] = set()  # every started worker process, for the atexit safety net


def _kill_all_live() -> None:
    for proc in list(_LIVE):
        _stop(proc)


atexit.register(_kill_all_live)


def _context() -> Any:
    """The start method the program chose, else fork on Linux and spawn elsewhere."""
    method = mp.get_start_method(allow_none=True)
    if method is None:
        method = "fork" if sys.platform.startswith("linux") else "spawn"
    return mp.get_context(method)


def memory_mode() -> MemoryMode:
    """``rlimit`` where the kernel enforces ``RLIMIT_AS`` (Linux with the ``resource``
    module), else ``watch`` (Windows has no ``resource``; macOS does not enforce it)."""
    if not sys.platform.startswith("linux"):
        return "watch"
    try:
        import resource  # noqa: F401  (POSIX only)
    except ImportError:
        return "watch"
    return "rlimit"


def _rss(pid: int | None = None) -> int:
    """Memory a process (this one by default) holds, 0 when it cannot be read: resident
    pages, or on Windows the private bytes it committed when more (Windows may trim the
    resident set of a process that keeps its allocations)."""
    import psutil

    try:
        info = psutil.Process(pid).memory_info()
    except (psutil.Error, OSError):
        return 0
    return max(int(info.rss), int(getattr(info, "private", 0)))


def _limit_address_space(memory_mb: int) -> None:
    """RLIMIT_AS: what the worker holds now plus ``memory_mb`` (Linux only)."""
    try:
        import resource  # POSIX only: the caller chose "rlimit" because it exists
        with open("/proc/self/statm") as fh:
            held = int(fh.read().split()[0]) * resource.getpagesize()
        limit = held + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, OSError, ValueError, IndexError):
        pass


def _die_with_parent(parent_pid: int, stderr_path: str, kernel: bool) -> None:
    """End this worker when its parent is gone, even after ``kill -9`` of the parent."""
    if kernel and sys.platform.startswith("linux"):
        # The kernel's own promise, GIL or not: SIGKILL when the thread that started this
        # worker ends. Asked for only when that is the parent's main thread, whose end
        # is the parent's end (a worker started by a passing thread has the lifeline).
        with contextlib.suppress(OSError, AttributeError):
            import ctypes
            ctypes.CDLL(None).prctl(1, int(signal.SIGKILL))  # 1: PR_SET_PDEATHSIG
    parent = mp.parent_process()
    sentinel = parent.sentinel if parent is not None else None

    def orphaned(timeout: float) -> bool:
        gone = False
        if sentinel is not None:
            try:
                gone = bool(wait([sentinel], timeout))
            except (OSError, ValueError):
                time.sleep(timeout)
        else:
            time.sleep(timeout)
        # POSIX: a forked sibling may hold the sentinel's pipe open; an orphan is
        # adopted by another process, so its parent id changes. (Windows keeps the old
        # id, and has the parent's process handle as sentinel.)
        return gone or (os.name == "posix" and os.getppid() != parent_pid)

    def leave() -> None:
        with contextlib.suppress(OSError):
            os.unlink(stderr_path)
        os._exit(0)

    # The parent may have died before this worker got here (and before the kernel knew
    # to kill it): look once now, before any item can hold the GIL.
    if orphaned(0.0):
        leave()

    def lifeline() -> None:
        while not orphaned(LIFELINE_EVERY):
            pass
        leave()

    threading.Thread(target=lifeline, name="qmo-lifeline", daemon=True).start()


def _lower_priority(nice: int) -> None:
    """Yield the cores: ``os.nice`` on POSIX, the below-normal class on Windows."""
    if nice <= 0:
        return
    if hasattr(os, "nice"):  # POSIX
        with contextlib.suppress(OSError):
            os.nice(nice)
        return
    import psutil

    below = getattr(psutil, "BELOW_NORMAL_PRIORITY_CLASS", None)  # Windows only
    if below is not None:
        with contextlib.suppress(psutil.Error, OSError):
            psutil.Process().nice(below)


def _private_stderr(stderr_path: str) -> None:
    """Send this worker's stderr, native code's too, to its private file."""
    try:
        fd = os.open(stderr_path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))
        os.dup2(fd, 2)
        os.close(fd)
        if faulthandler.is_enabled():  # e.g. under pytest: dump into the private file too
            faulthandler.enable(file=sys.stderr)
    except (OSError, ValueError, AttributeError):
        return
    if sys.platform == "win32":
        # Native code (a Rust panic) writes to the process's standard error handle, not
        # to the C runtime's descriptor 2: point the handle at the file as well.
        with contextlib.suppress(Exception):
            import ctypes
            import msvcrt
            ctypes.windll.kernel32.SetStdHandle(-12, msvcrt.get_osfhandle(2))


@dataclass
class _Setup:
    """How a worker sets itself up (sent to it at start: small and picklable)."""

    memory_mb: int | None
    stderr_path: str
    nice: int
    parent_pid: int
    mode: MemoryMode
    cap: Any  # a shared integer (watch mode): the resident size the worker may reach
    from_main_thread: bool


def _worker(func: Callable[[Any], Any], conn: Connection, setup: _Setup) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl+C
    _die_with_parent(setup.parent_pid, setup.stderr_path, setup.from_main_thread)
    # What the worker inherited from its parent (maybe a whole round's records) is never
    # walked by the garbage collector, so its pages stay shared instead of copied.
    gc.freeze()
    gc.enable()  # the parent may have paused collection for itself; openpyxl makes cycles
    _lower_priority(setup.nice)
    _private_stderr(setup.stderr_path)
    if setup.memory_mb is not None:
        if setup.mode == "rlimit":
            _limit_address_space(setup.memory_mb)
        elif setup.cap is not None:  # the parent kills this worker past what it holds now
            setup.cap.value = _rss() + setup.memory_mb * 1024 * 1024
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
            out = (index, False, Failure("memory", OUT_OF_MEMORY))
        except BaseException as exc:  # pyo3 PanicException derives from BaseException
            text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            out = (index, False, Failure("error", f"{type(exc).__name__}: {text[-300:]}"))
        try:
            conn.send(out)
        except MemoryError:
            conn.send((index, False, Failure("memory", OUT_OF_MEMORY)))
        except Exception as exc:  # an unpicklable result
            conn.send((index, False, Failure("error", f"kết quả không gửi được: {exc!r}"[:300])))


class _Slot:
    """One worker process, its pipe, its stderr file and the item it is busy with."""

    def __init__(self, ctx: Any, func: Callable[[Any], Any], memory_mb: int | None,
                 nice: int = 0, mode: MemoryMode = "rlimit") -> None:
        fd, self.stderr_path = tempfile.mkstemp(prefix="qmo-worker-", suffix=".log")
        os.close(fd)
        self.conn, child = ctx.Pipe(duplex=True)
        # Watched: the worker puts here the resident size it may reach (0 until it has).
        self.cap = ctx.RawValue("q", 0) if memory_mb is not None and mode == "watch" \
            else None
        setup = _Setup(memory_mb, self.stderr_path, nice, os.getpid(), mode, self.cap,
                       threading.current_thread() is threading.main_thread())
        self.proc = ctx.Process(target=_worker, args=(func, child, setup), daemon=True)
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

    def over_memory(self) -> bool:
        """A watched worker resident past its bound (it is killed by the caller)."""
        cap = self.cap.value if self.cap is not None else 0
        return cap > 0 and _rss(self.proc.pid) > cap

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
        return Failure("memory", OUT_OF_MEMORY)
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
        self.mode = memory_mode()
        self.slots = [self._new_slot() for _ in range(max(1, jobs or os.cpu_count() or 1))]
        self.graceful = True

    def _new_slot(self) -> _Slot:
        return _Slot(self.ctx, self.func, self.memory_mb, self.nice, self.mode)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for slot in self.slots:
            slot.close(self.graceful)
        self.slots = []

    def _feed(self, i: int, index: int, item: Any) -> None:
        """Give an item to slot ``i``, first replacing a worker that died while idle
        (on Linux, one started by a thread that has ended since)."""
        slot = self.slots[i]
        if not slot.proc.is_alive():
            slot.close(graceful=False)
            self.slots[i] = slot = self._new_slot()
        slot.give(index, item)

    def run(self, items: Sequence[T]) -> Generator[tuple[int, Any], None, None]:
        """Yield ``(index, func(items[index]) or Failure)`` in completion order."""
        if not items:
            return
        timeout, slots = self.timeout, self.slots
        watched = self.memory_mb is not None and self.mode == "watch"
        next_look = 0.0
        pending: deque[int] = deque(range(len(items)))
        self.graceful = False
        for i in range(len(slots)):
            if not pending:
                break
            nxt = pending.popleft()
            self._feed(i, nxt, items[nxt])
        while any(s.index is not None for s in slots):
            busy = [s for s in slots if s.index is not None]
            now = time.monotonic()
            wait_for = max(0.0, min(s.started + timeout for s in busy) - now)
            if watched:
                wait_for = min(wait_for, max(0.0, next_look - now))
            ready = wait([s.conn for s in busy] + [s.proc.sentinel for s in busy], wait_for)
            swollen: set[int] = set()
            if watched and time.monotonic() >= next_look:
                swollen = {id(s) for s in busy if s.conn not in ready and s.over_memory()}
                next_look = time.monotonic() + WATCH_EVERY
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
                elif id(slot) in swollen:
                    result, replace = Failure("memory", OUT_OF_MEMORY), True
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
                    slots[i] = slot = self._new_slot()
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
