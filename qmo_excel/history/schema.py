"""The history database: its schema, its version, and opening it safely.

One SQLite file (``lich-su-MTCL.sqlite`` by default) holds every round a body (a town or a
province) consolidated. The file is ours when its ``application_id`` is ``QMOH``; its
schema version is ``PRAGMA user_version``. Opening:

- a missing or empty file is created with the current schema;
- an older schema is upgraded in place, all steps in one transaction;
- a newer schema, a file that is not SQLite, a damaged file (``PRAGMA quick_check``) or
  another program's database raises ``HistoryError`` and the file is never written.

Every write runs in one ``BEGIN IMMEDIATE … COMMIT`` transaction with SQLite's rollback
journal (not WAL, which needs shared memory that network drives do not give): a run that
is killed or fails half way leaves the file as it was.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

APPLICATION_ID = 0x514D4F48  # "QMOH"
SCHEMA_VERSION = 1
DEFAULT_NAME = "lich-su-MTCL.sqlite"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_SECONDS = 30.0

# Each step takes the schema from version i to i + 1 (index i). Never edit a step that was
# released: add one.
SCHEMA_STEPS: list[str] = [
    # 0 -> 1
    """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        body TEXT NOT NULL,            -- the town or province, as its round names it
        body_key TEXT NOT NULL,        -- folded for matching (case, accents, spaces)
        level TEXT NOT NULL,           -- town | province
        year INTEGER NOT NULL,
        period TEXT NOT NULL,          -- q1 q2 h1 q3 m9 q4 year
        period_end TEXT NOT NULL,      -- ISO date the period ends (orders the rounds)
        months INTEGER NOT NULL,       -- months the period spans
        as_of TEXT NOT NULL,
        deadline TEXT,
        cut_off TEXT,
        lang TEXT NOT NULL,
        tool_version TEXT NOT NULL,
        source_folder TEXT NOT NULL,
        round_workbook TEXT,
        units_expected INTEGER NOT NULL,
        units_submitted INTEGER NOT NULL,
        units_late INTEGER NOT NULL,
        units_missing INTEGER NOT NULL,
        indicators INTEGER NOT NULL,
        achieved INTEGER NOT NULL,     -- vượt + đạt
        exceeded INTEGER NOT NULL,
        not_achieved INTEGER NOT NULL,
        in_progress INTEGER NOT NULL,
        no_data INTEGER NOT NULL,
        undetermined INTEGER NOT NULL,
        share_achieved REAL,           -- achieved / indicators, percent
        average_score REAL,
        objectives INTEGER NOT NULL,
        objectives_achieved INTEGER NOT NULL,
        town_objectives INTEGER NOT NULL,
        town_objectives_achieved INTEGER NOT NULL,
        tasks INTEGER NOT NULL,
        tasks_done INTEGER NOT NULL,
        tasks_overdue INTEGER NOT NULL,
        problems INTEGER NOT NULL,
        manifest BLOB,                 -- the run's manifest, JSON compressed with zlib
        manifest_sha256 TEXT,          -- of the uncompressed JSON (the file beside the summary)
        UNIQUE (body_key, level, year, period)
    );
    CREATE TABLE units (
        round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        registered INTEGER NOT NULL,
        submitted INTEGER NOT NULL,
        late INTEGER NOT NULL,
        file TEXT NOT NULL,
        report_date TEXT,
        score REAL,
        band TEXT NOT NULL,
        provisional INTEGER NOT NULL,  -- a part-year band (tạm tính)
        conditions TEXT,               -- JSON: the band conditions and whether each is met
        held_back TEXT,                -- JSON: the unmet conditions of the next band up
        share_achieved REAL,           -- achieved / indicators, percent
        indicators INTEGER NOT NULL,
        assessed INTEGER,
        achieved INTEGER NOT NULL,
        exceeded INTEGER NOT NULL,
        not_achieved INTEGER NOT NULL,
        in_progress INTEGER NOT NULL,
        at_risk INTEGER,
        behind INTEGER,
        no_data INTEGER NOT NULL,
        undetermined INTEGER NOT NULL,
        objectives INTEGER NOT NULL,
        objectives_achieved INTEGER NOT NULL,
        tasks INTEGER NOT NULL,
        tasks_done INTEGER NOT NULL,
        tasks_done_late INTEGER NOT NULL,
        tasks_overdue INTEGER NOT NULL,
        mismatches INTEGER NOT NULL,
        problems INTEGER NOT NULL
    );
    CREATE INDEX units_round ON units (round_id, code);
    CREATE TABLE indicators (
        round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        unit_code TEXT NOT NULL,
        objective_code TEXT NOT NULL,
        code TEXT NOT NULL,
        text TEXT NOT NULL,
        unit_of_measure TEXT NOT NULL,
        target_text TEXT NOT NULL,
        result_text TEXT NOT NULL,
        target_kind TEXT NOT NULL,
        direction TEXT NOT NULL,
        verdict TEXT NOT NULL,
        verdict_source TEXT NOT NULL,
        progress TEXT,                 -- part-year: dung_tien_do | cham_tien_do | nguy_co
        percent_of_plan REAL,
        confidence TEXT NOT NULL,
        weight REAL NOT NULL,
        self_assessment TEXT NOT NULL,
        mismatch INTEGER NOT NULL,
        town_objective TEXT,           -- the code of the town objective it serves
        rule TEXT NOT NULL,            -- the rule that gave the verdict (judge.audit)
        notes TEXT NOT NULL,           -- the judge's notes, one per line
        row INTEGER NOT NULL
    );
    CREATE INDEX indicators_round ON indicators (round_id, unit_code, code);
    CREATE TABLE objectives (
        round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        unit_code TEXT NOT NULL,
        code TEXT NOT NULL,
        text TEXT NOT NULL,
        status TEXT NOT NULL,
        indicators INTEGER NOT NULL,
        achieved INTEGER NOT NULL,
        not_achieved TEXT NOT NULL     -- texts of the indicators not achieved, one per line
    );
    CREATE INDEX objectives_round ON objectives (round_id);
    CREATE TABLE town_objectives (
        round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        text TEXT NOT NULL,
        status TEXT NOT NULL,
        source TEXT NOT NULL,
        total INTEGER NOT NULL,
        achieved INTEGER NOT NULL,
        exceeded INTEGER NOT NULL,
        not_achieved INTEGER NOT NULL,
        in_progress INTEGER NOT NULL,
        no_data INTEGER NOT NULL,
        undetermined INTEGER NOT NULL,
        at_risk INTEGER NOT NULL,
        behind INTEGER NOT NULL,
        indicators TEXT NOT NULL       -- JSON: its indicators (unit, code, verdict, …)
    );
    CREATE INDEX town_objectives_round ON town_objectives (round_id);
    CREATE TABLE tasks (
        round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        unit_code TEXT NOT NULL,
        number TEXT NOT NULL,
        objective_code TEXT NOT NULL,
        task TEXT NOT NULL,
        lead TEXT NOT NULL,
        timeline TEXT NOT NULL,
        due TEXT,
        status TEXT NOT NULL,
        completed_on TEXT,
        done INTEGER NOT NULL,
        done_late INTEGER NOT NULL,
        overdue INTEGER NOT NULL
    );
    CREATE INDEX tasks_round ON tasks (round_id);
    CREATE TABLE intake (
        round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        file TEXT NOT NULL,
        status TEXT NOT NULL,          -- used | superseded | duplicate | rejected | ignored
        reason TEXT NOT NULL,
        unit_code TEXT NOT NULL,
        unit_name TEXT NOT NULL,
        report_date TEXT,
        late INTEGER NOT NULL,
        unknown_unit INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        errors INTEGER NOT NULL,
        warnings INTEGER NOT NULL
    );
    CREATE INDEX intake_round ON intake (round_id);
    CREATE TABLE problems (
        round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        file TEXT NOT NULL,
        unit_code TEXT NOT NULL,
        sheet TEXT NOT NULL,
        cell TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        code TEXT NOT NULL,
        severity TEXT NOT NULL,
        message TEXT NOT NULL
    );
    CREATE INDEX problems_round ON problems (round_id);
    """,
]
assert len(SCHEMA_STEPS) == SCHEMA_VERSION

TABLES = ("rounds", "units", "indicators", "objectives", "town_objectives", "tasks",
          "intake", "problems")


class HistoryError(Exception):
    """The history file cannot be used; the file has not been changed.

    ``code``: ``newer`` (written by a newer qmo), ``damaged`` (not SQLite, or its pages
    fail the check), ``foreign`` (another program's database), ``missing``, ``busy``
    (another program holds it), ``unwritable``. ``str()`` is the Vietnamese message;
    ``message("en")`` the English one.
    """

    def __init__(self, code: str, path: Path | str, detail: str = "", version: int = 0
                 ) -> None:
        self.code, self.path, self.detail, self.version = code, str(path), detail, version
        super().__init__(self.message("vi"))

    def message(self, lang: str = "vi") -> str:
        p, d = self.path, f" ({self.detail})" if self.detail else ""
        keep_vi = (" Tệp không bị thay đổi. Chạy với --history để dùng tệp khác, hoặc "
                   "--no-history để không ghi lịch sử.")
        keep_en = (" The file was not changed. Use --history to name another file, or "
                   "--no-history to run without a history.")
        vi = {
            "newer": f"Tệp lịch sử {p} do phiên bản qmo mới hơn tạo (lược đồ "
                     f"{self.version}; phiên bản này chỉ đọc được đến lược đồ "
                     f"{SCHEMA_VERSION}). Hãy cập nhật qmo.",
            "damaged": f"Tệp lịch sử {p} bị hỏng hoặc không phải cơ sở dữ liệu SQLite{d}. "
                       "Hãy khôi phục tệp từ bản sao lưu.",
            "foreign": f"Tệp {p} là cơ sở dữ liệu của chương trình khác, không phải tệp "
                       "lịch sử của qmo.",
            "missing": f"Không có tệp lịch sử {p}.",
            "busy": f"Tệp lịch sử {p} đang bị chương trình khác giữ{d}. Hãy đóng chương "
                    "trình đó rồi chạy lại.",
            "unwritable": f"Không ghi được tệp lịch sử {p}{d}.",
        }
        en = {
            "newer": f"The history file {p} was written by a newer qmo (schema "
                     f"{self.version}; this version reads up to schema {SCHEMA_VERSION}). "
                     "Update qmo.",
            "damaged": f"The history file {p} is damaged or not an SQLite database{d}. "
                       "Restore it from a backup.",
            "foreign": f"{p} is another program's database, not a qmo history file.",
            "missing": f"There is no history file {p}.",
            "busy": f"The history file {p} is held by another program{d}. Close it and "
                    "run again.",
            "unwritable": f"The history file {p} cannot be written{d}.",
        }
        if lang == "en":
            return en[self.code] + ("" if self.code == "missing" else keep_en)
        return vi[self.code] + ("" if self.code == "missing" else keep_vi)


def _is_empty(path: Path) -> bool:
    try:
        return path.stat().st_size == 0
    except OSError:
        return True


def open_history(path: Path | str, *, create: bool = True, check: bool = True
                 ) -> sqlite3.Connection:
    """The history at ``path``, created or upgraded as needed (see the module docstring).

    ``check`` runs ``PRAGMA quick_check`` first (a damaged file is refused before
    anything is written). The connection is in autocommit mode: writers open their own
    transaction (``transaction``).
    """
    path = Path(path)
    if not path.exists() and not create:
        raise HistoryError("missing", path)
    new = not path.exists() or _is_empty(path)
    if not new:
        try:
            with path.open("rb") as fh:
                head = fh.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise HistoryError("unwritable", path, exc.strerror or str(exc)) from exc
        if head != SQLITE_HEADER:
            raise HistoryError("damaged", path, "không có đầu tệp SQLite")
    elif create:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_SECONDS, isolation_level=None)
    except sqlite3.Error as exc:
        raise HistoryError("unwritable", path, str(exc)) from exc
    try:
        _prepare(conn, path, check=check and not new)
    except BaseException:
        conn.close()
        raise
    return conn


def _prepare(conn: sqlite3.Connection, path: Path, *, check: bool) -> None:
    try:
        app = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if check:
            rows = conn.execute("PRAGMA quick_check").fetchall()
            if [r[0] for r in rows] != ["ok"]:
                raise HistoryError("damaged", path, "; ".join(str(r[0]) for r in rows[:3]))
    except sqlite3.DatabaseError as exc:
        raise _error(exc, path) from exc
    if app != APPLICATION_ID and (tables or app):
        raise HistoryError("foreign", path)
    if version > SCHEMA_VERSION:
        raise HistoryError("newer", path, version=version)
    conn.execute("PRAGMA foreign_keys = ON")
    if version < SCHEMA_VERSION:
        upgrade(conn, path, version)


def _error(exc: sqlite3.Error, path: Path) -> HistoryError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return HistoryError("busy", path, text)
    if isinstance(exc, sqlite3.OperationalError) and ("readonly" in text or "disk" in text
                                                      or "unable to open" in text):
        return HistoryError("unwritable", path, text)
    return HistoryError("damaged", path, text)


def upgrade(conn: sqlite3.Connection, path: Path, version: int,
            steps: list[str] | None = None) -> None:
    """Run the schema steps from ``version`` up, in one transaction."""
    steps = SCHEMA_STEPS if steps is None else steps

    def run(c: sqlite3.Connection) -> None:
        for step in steps[version:]:
            for statement in _statements(step):
                c.execute(statement)
        c.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        c.execute(f"PRAGMA user_version = {len(steps)}")
        c.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                  (str(len(steps)),))

    transaction(conn, path, run)


def _statements(script: str) -> list[str]:
    """The statements of a script (``executescript`` would commit the transaction)."""
    text = "\n".join(line.split("--", 1)[0] for line in script.splitlines())
    out, buf = [], ""
    for piece in text.split(";"):
        buf += piece + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip(" \n;"):
                out.append(buf.strip())
            buf = ""
    return out


def transaction(conn: sqlite3.Connection, path: Path | str,
                body: Callable[[sqlite3.Connection], object]) -> None:
    """``body(conn)`` in one ``BEGIN IMMEDIATE … COMMIT``; rolled back on any error."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise _error(exc, Path(path)) from exc
    try:
        body(conn)
        conn.execute("COMMIT")
    except BaseException as exc:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise _error(exc, Path(path)) from exc
        raise
