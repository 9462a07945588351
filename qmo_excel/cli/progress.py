"""One progress line for a whole run on the terminal: reading, feedback, summary, export.

Shown on standard error only when it is a terminal (not when redirected, not in CI) and
not with ``--quiet``; each stage rewrites the same line, which is cleared at the end.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import TextIO

STAGES = {
    "vi": {"read": "Đọc và kiểm tra báo cáo", "feedback": "Ghi tệp góp ý",
           "summary": "Ghi sổ tổng hợp", "export": "Xuất dữ liệu"},
    "en": {"read": "Reading and checking returns", "feedback": "Writing feedback files",
           "summary": "Writing the summary", "export": "Exporting"},
}


class RunProgress:
    """``progress(stage, done, total)`` for the library, drawn as one line."""

    def __init__(self, lang: str = "vi", stream: TextIO | None = None,
                 enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = self.stream.isatty() and not os.environ.get("CI")
        self.enabled = enabled
        self.words = STAGES["en" if lang == "en" else "vi"]
        self.state: dict[str, tuple[int, int]] = {}
        self.lock = threading.Lock()
        self.last = 0.0
        self.width = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        with self.lock:
            self.state[stage] = (done, total)
            now = time.monotonic()
            if done not in (0, total) and now - self.last < 0.1:
                return  # at most ten redraws a second
            self.last = now
            parts = [f"{self.words.get(s, s)} {d}/{t}" if t > 1 else self.words.get(s, s)
                     for s, (d, t) in self.state.items() if d < t or s == stage]
            self._draw(" · ".join(parts[-2:]))

    def read(self, done: int, total: int) -> None:
        self("read", done, total)

    def _draw(self, text: str) -> None:
        pad = max(0, self.width - len(text))
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()
        self.width = len(text)

    def close(self) -> None:
        if self.enabled and self.width:
            self._draw("")
            self.stream.write("\r")
            self.stream.flush()
