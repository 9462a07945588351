"""Windows simulated on Linux or macOS, for the tests only (``QMO_SIMULATE_WINDOWS=1``).

``tests/conftest.py`` puts this folder first on ``PYTHONPATH``, so every Python process
of the test run imports this module at start: the test process, the spawned workers
(spawn starts a fresh interpreter, which re-imports everything) and ``qmo`` run in a
subprocess. In each of them:

- ``import resource`` in our package fails as it does on Windows (the module is POSIX
  only). Only in our package: psutil's Linux backend needs it, and psutil on Windows
  has a backend of its own;
- the default start method is ``spawn``, Windows' only one: whatever a worker is sent
  must pickle, and nothing may rely on globals inherited by fork.

A POSIX-only call that slips into the package then fails the second, simulated run of
the intake, validate and consolidate tests in ``.ci/run``.
"""

from __future__ import annotations

import builtins
import multiprocessing
from collections.abc import Mapping, Sequence
from typing import Any

HIDDEN = frozenset({"resource"})
PACKAGE = "qmo_excel"
_real_import = builtins.__import__


def _import(name: str, globals: Mapping[str, object] | None = None,
            locals: Mapping[str, object] | None = None, fromlist: Sequence[str] = (),
            level: int = 0) -> Any:
    if level == 0 and name.partition(".")[0] in HIDDEN and globals is not None:
        importer = str(globals.get("__name__") or "")
        if importer == PACKAGE or importer.startswith(PACKAGE + "."):
            raise ModuleNotFoundError(f"No module named {name!r} (simulated Windows)",
                                      name=name)
    return _real_import(name, globals, locals, fromlist, level)


if getattr(builtins.__import__, "__name__", "") != "_import":
    builtins.__import__ = _import
multiprocessing.set_start_method("spawn", force=True)
