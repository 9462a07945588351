"""The history of rounds (issue 20): recorded in one transaction, replaced on a re-run,
safe against a killed run, refused unchanged when newer or damaged; trends in the
summary. The database is read with the standard ``sqlite3`` module."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from history_rounds import BUDGET, ISO, ON_TIME, SPENDING, make_round, make_rounds

from qmo_excel.cli import main
from qmo_excel.history.schema import (
    APPLICATION_ID,
    SCHEMA_STEPS,
    SCHEMA_VERSION,
    HistoryError,
    open_history,
    upgrade,
)
from qmo_excel.history.store import record_round
from qmo_excel.jobs.consolidate import consolidate
from qmo_excel.model import RoundConfig

ROOT = Path(__file__).resolve().parents[1]
AS_OF = {"DOT-2022": "2022-12-20", "DOT-2023-6T": "2023-06-20", "DOT-2023": "2023-12-20"}


def run(root: Path, folder: str, *extra: str) -> Any:
    result = CliRunner().invoke(main, ["consolidate", str(root / folder / "returns"),
                                       "--as-of", AS_OF[folder], "-q", *extra])
    return result


def rows(db: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


def sheet(path: Path, name: str) -> list[list[Any]]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return [list(r) for r in wb[name].iter_rows(values_only=True)]
    finally:
        wb.close()


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """6 tháng then Năm 2023, consolidated one after the other with the CLI."""
    root = tmp_path_factory.mktemp("town")
    make_round(root, "DOT-2023-6T")
    make_round(root, "DOT-2023")
    for folder in ("DOT-2023-6T", "DOT-2023"):
        result = run(root, folder)
        assert result.exit_code == 0, result.output
    return root


def test_each_round_is_recorded_in_the_default_history(town: Path) -> None:
    db = town / "lich-su-MTCL.sqlite"
    assert rows(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert rows(db, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert rows(db, "SELECT body, level, year, period, as_of, units_submitted, indicators, "
                "achieved FROM rounds ORDER BY id") == [
        ("UBND thị xã Hương Trà", "town", 2023, "h1", "2023-06-20", 3, 7, 1),
        ("UBND thị xã Hương Trà", "town", 2023, "year", "2023-12-20", 4, 8, 6)]
    units = rows(db, "SELECT r.period, u.code, u.band, u.score FROM units u JOIN rounds r "
                 "ON r.id = u.round_id WHERE u.code = 'PTCKH' ORDER BY r.id")
    assert [(p, c, b) for p, c, b, _ in units] == [("h1", "PTCKH", "hoan_thanh"),
                                                  ("year", "PTCKH", "xuat_sac")]
    inds = rows(db, "SELECT i.code, i.text, i.target_text, i.result_text, i.verdict, "
                "i.percent_of_plan IS NOT NULL, i.rule FROM indicators i JOIN rounds r ON "
                "r.id = i.round_id WHERE r.period = 'year' AND i.unit_code = 'PKT' "
                "ORDER BY i.row")
    assert inds == [("1.1", "Tốc độ tăng trưởng giá trị sản xuất", "14-15%", "10%",
                     "khong_dat", 1, "range"),
                    ("2", ON_TIME, "trên 95%", "93%", "khong_dat", 1, "more_than")]
    fates = rows(db, "SELECT i.status, count(*) FROM intake i JOIN rounds r ON "
                 "r.id = i.round_id WHERE r.period = 'year' GROUP BY i.status")
    assert fates == [("used", 4)]
    assert rows(db, "SELECT count(*) FROM objectives o JOIN rounds r ON r.id = o.round_id "
                "WHERE r.period = 'year'") == [(7,)]
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]


def test_the_manifest_is_kept_in_the_history_and_beside_the_summary(town: Path) -> None:
    import hashlib
    import zlib

    db = town / "lich-su-MTCL.sqlite"
    packed, digest = rows(db, "SELECT manifest, manifest_sha256 FROM rounds WHERE "
                          "period = 'year'")[0]
    beside = (town / "DOT-2023" / "output" / "vet-kiem-tra-MTCL-2023-nam.json").read_bytes()
    assert zlib.decompress(packed) == beside
    assert hashlib.sha256(beside).hexdigest() == digest


def test_the_second_summary_carries_the_earlier_figures_and_changes(town: Path) -> None:
    summary = town / "DOT-2023" / "output" / "tong-hop-MTCL-2023-nam.xlsx"
    trends = sheet(summary, "So sánh các kỳ")
    text = [[c for c in r if c not in (None, "")] for r in trends]
    assert any("Kỳ trước: 6 tháng 2023 (số liệu đến 20/06/2023)" in str(c) for r in text
               for c in r)
    by_code = {r[0]: r for r in trends if r and r[0] in ("PTCKH", "PKT", "VP", "PNV")}
    ptckh = by_code["PTCKH"]
    assert ptckh[2:5] == ["Hoàn thành xuất sắc", 100.0, 1.0]
    assert ptckh[5] == "Hoàn thành (tạm tính)" and ptckh[8] == "↑ 2 bậc"
    assert ptckh[9] == pytest.approx(100.0 - ptckh[6])
    pkt = by_code["PKT"]
    assert (pkt[5], pkt[8]) == ("Hoàn thành xuất sắc (tạm tính)", "↓ 3 bậc")
    assert pkt[9] < 0 and pkt[10] < 0
    assert by_code["VP"][8] == "↑ 2 bậc"
    assert by_code["PNV"][5] == "Chưa có ở kỳ này"
    series = [r[:7] for r in trends if r and r[0] in ("6 tháng 2023", "Năm 2023")]
    assert [r[0] for r in series] == ["6 tháng 2023", "Năm 2023"]
    assert series[1][3:6] == [8, 6, 0.75]
    # the chart over the recorded rounds
    from zipfile import ZipFile
    with ZipFile(summary) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/")]
    assert any("Tỷ lệ chỉ tiêu đạt và điểm bình quân qua các kỳ" in c and "<c:lineChart>"
               in c and "<c:barChart>" in c for c in charts)


def test_indicators_carry_their_earlier_result_matched_by_code_then_text(town: Path) -> None:
    summary = town / "DOT-2023" / "output" / "tong-hop-MTCL-2023-nam.xlsx"
    table = sheet(summary, "Chỉ tiêu")
    header = table[2]
    col = {h: i for i, h in enumerate(header)}
    result = col["Kết quả kỳ trước (6 tháng 2023)"]
    verdict = col["Đánh giá kỳ trước (6 tháng 2023)"]
    match = col["Ghép với kỳ trước"]
    by = {(r[0], r[2]): r for r in table[3:]}
    # renumbered: this year's 1.1 is last half-year's 1.2
    assert by[("PTCKH", "1.1")][3] == SPENDING
    assert by[("PTCKH", "1.1")][result] == "40%"
    assert by[("PTCKH", "1.1")][match] == "theo nội dung (mã kỳ trước: 1.2)"
    assert by[("PTCKH", "1.2")][3] == BUDGET
    assert by[("PTCKH", "1.2")][result] == "80 tỷ đồng"
    assert by[("VP", "1")][3] == ISO
    assert (by[("VP", "1")][result], by[("VP", "1")][verdict]) == ("Không đạt", "Không đạt")
    assert by[("PKT", "2")][verdict] == "Vượt"
    assert by[("PNV", "1")][result] in (None, "")


def test_the_narrative_says_what_improved_and_what_fell_back(town: Path) -> None:
    summary = town / "DOT-2023" / "output" / "tong-hop-MTCL-2023-nam.xlsx"
    text = "\n".join(str(c) for r in sheet(summary, "Nhận xét") for c in r if c)
    assert "So với 6 tháng năm 2023 (số liệu đến 20/06/2023), tỷ lệ chỉ tiêu đạt và vượt " \
           "tăng từ 14,3% lên 75%" in text
    assert "điểm bình quân tăng 28,9 điểm (từ 67,3 lên 96,2)" in text
    assert "Phòng Tài chính - Kế hoạch (Hoàn thành → Hoàn thành xuất sắc)" in text
    assert "Có 1 đơn vị giảm: Phòng Kinh tế (Hoàn thành xuất sắc → Không hoàn thành)" in text
    assert "Có 1 chỉ tiêu chuyển từ không đạt sang đạt: Duy trì, cải tiến Hệ thống quản lý " \
           "chất lượng theo TCVN ISO 9001:2015 (VP: không đạt → đạt)" in text
    assert "Có 1 chỉ tiêu từ đạt chuyển sang không đạt: Tỷ lệ hồ sơ thủ tục hành chính " \
           "giải quyết đúng hạn (PKT: vượt → không đạt)" in text


def test_the_first_round_has_no_trends(town: Path) -> None:
    summary = town / "DOT-2023-6T" / "output" / "tong-hop-MTCL-2023-6-thang.xlsx"
    wb = openpyxl.load_workbook(summary, read_only=True)
    assert "So sánh các kỳ" not in wb.sheetnames
    wb.close()


def test_same_period_a_year_before_is_compared_too(tmp_path: Path) -> None:
    make_rounds(tmp_path)
    for folder in ("DOT-2022", "DOT-2023-6T", "DOT-2023"):
        result = run(tmp_path, folder)
        assert result.exit_code == 0, result.output
    assert "So sánh với: 6 tháng 2023, Năm 2022" in result.output
    summary = tmp_path / "DOT-2023" / "output" / "tong-hop-MTCL-2023-nam.xlsx"
    trends = sheet(summary, "So sánh các kỳ")
    assert any(r[11:13] == ["Cùng kỳ năm trước: Năm 2022", None] for r in trends)
    ptckh = next(r for r in trends if r[0] == "PTCKH")
    assert ptckh[11] == "Không hoàn thành" and ptckh[14] == "↑ 3 bậc"
    text = "\n".join(str(c) for r in sheet(summary, "Nhận xét") for c in r if c)
    assert "So với năm 2022 (số liệu đến 20/12/2022)" in text
    series = [r[0] for r in trends if r and str(r[0]).startswith(("Năm", "6 tháng"))]
    assert series == ["Năm 2022", "6 tháng 2023", "Năm 2023"]
    # the same in English (the round is replaced by its English run)
    english = run(tmp_path, "DOT-2023", "--lang", "en", "-o", str(tmp_path / "en"))
    assert "Compared with: Half year 2023, Year 2022" in english.output
    summary = tmp_path / "en" / "MTCL-summary-2023-year.xlsx"
    text = "\n".join(str(c) for r in sheet(summary, "Narrative") for c in r if c)
    assert "Against Half year 2023 (figures as of 20/06/2023), the share of indicators " \
           "achieved rose from 14.3% to 75% (+60.7 pp)" in text
    assert "1 unit fell back: Phòng Kinh tế (Excellent → Not completed)." in text
    assert "2 indicators went from not achieved to achieved" in text
    assert any(r[:2] == ["PTCKH", "Phòng Tài chính - Kế hoạch"] and r[8] == "↑ 2 band(s)"
               for r in sheet(summary, "Trends"))


def test_rerunning_a_round_replaces_it(tmp_path: Path) -> None:
    make_round(tmp_path, "DOT-2023-6T")
    make_round(tmp_path, "DOT-2023")
    assert run(tmp_path, "DOT-2023-6T").exit_code == 0
    assert run(tmp_path, "DOT-2023").exit_code == 0
    db = tmp_path / "lich-su-MTCL.sqlite"
    before = rows(db, "SELECT id, period FROM rounds ORDER BY id")
    # a late correction of the half-year round: VP now reports its ISO system achieved
    make_round(tmp_path, "DOT-2023-6T", changes={"VP": [
        {"code": "1", "text": ISO, "target": "Đạt", "result": "Đạt"},
        {"code": "2", "text": "Tỷ lệ văn bản ban hành đúng hạn", "unit_of_measure": "%",
         "target": "100%", "result": "98%"}]})
    again = run(tmp_path, "DOT-2023-6T")
    assert again.exit_code == 0, again.output
    assert "lich-su-MTCL.sqlite (ghi đè kỳ 6 tháng 2023; 2 kỳ đã ghi)" in again.output
    after = rows(db, "SELECT id, period FROM rounds ORDER BY id")
    assert [p for _, p in after] == ["year", "h1"]
    assert after[0] == before[1] and after[1][0] not in {i for i, _ in before}
    assert rows(db, "SELECT count(*) FROM indicators WHERE round_id = ?", before[0][0]) \
        == [(0,)]
    assert rows(db, "SELECT i.result_text, i.verdict FROM indicators i JOIN rounds r ON "
                "r.id = i.round_id WHERE r.period = 'h1' AND i.unit_code = 'VP' AND "
                "i.code = '1'") == [("Đạt", "dat")]
    assert rows(db, "SELECT count(*) FROM rounds") == [(2,)]


def _counts(db: Path) -> dict[str, int]:
    return {t: rows(db, f"SELECT count(*) FROM {t}")[0][0] for t in (
        "rounds", "units", "indicators", "objectives", "tasks", "intake", "problems")}


def test_a_write_that_fails_half_way_leaves_the_history_as_it_was(tmp_path: Path) -> None:
    make_round(tmp_path, "DOT-2023-6T")
    returns = make_round(tmp_path, "DOT-2023")
    assert run(tmp_path, "DOT-2023-6T").exit_code == 0
    db = tmp_path / "lich-su-MTCL.sqlite"
    good, data = _counts(db), db.read_bytes()
    outcome = consolidate(returns, config=RoundConfig(town="UBND thị xã Hương Trà"),
                          out_dir=tmp_path / "out", as_of=date(2023, 12, 20), jobs=1,
                          feedback=False)
    conn = open_history(db)
    try:
        with pytest.raises(RuntimeError, match="stopped after indicators"):
            record_round(conn, db, outcome.result, fail_after="indicators")
    finally:
        conn.close()
    assert _counts(db) == good
    assert db.read_bytes() == data
    assert not (tmp_path / "lich-su-MTCL.sqlite-journal").exists()


KILLER = textwrap.dedent("""
    import os, signal, sys
    import qmo_excel.history.store as store
    real = store._rows
    def rows(round_id, result, table):
        if table == "tasks":  # units and indicators are written, tasks are next
            os.kill(os.getpid(), signal.SIGKILL)
        return real(round_id, result, table)
    store._rows = rows
    from qmo_excel.cli import main
    main(sys.argv[1:])
""")


def test_a_killed_run_leaves_the_history_readable_with_the_previous_rounds(
        tmp_path: Path) -> None:
    make_round(tmp_path, "DOT-2023-6T")
    make_round(tmp_path, "DOT-2023")
    assert run(tmp_path, "DOT-2023-6T").exit_code == 0
    db = tmp_path / "lich-su-MTCL.sqlite"
    good = _counts(db)
    args = [sys.executable, "-c", KILLER, "consolidate", str(tmp_path / "DOT-2023" / "returns"),
            "--as-of", "2023-12-20", "-q", "--jobs", "1", "--no-feedback"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    proc.communicate(timeout=120)
    with __import__("contextlib").suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == -signal.SIGKILL
    journal = tmp_path / "lich-su-MTCL.sqlite-journal"
    assert journal.exists() and journal.stat().st_size > 0  # killed inside the transaction
    # the standard sqlite3 module rolls the hot journal back and sees the previous rounds
    assert _counts(db) == good
    assert rows(db, "SELECT period FROM rounds") == [("h1",)]
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    again = run(tmp_path, "DOT-2023")
    assert again.exit_code == 0, again.output
    assert rows(db, "SELECT period FROM rounds ORDER BY id") == [("h1",), ("year",)]


def _untouched(path: Path, data: bytes, result: Any, words: str) -> None:
    assert result.exit_code == 1, result.output
    assert words in result.output
    assert "Tệp không bị thay đổi" in result.output
    assert path.read_bytes() == data


def test_a_history_of_a_newer_schema_is_refused_and_never_written(tmp_path: Path) -> None:
    make_round(tmp_path, "DOT-2023-6T")
    assert run(tmp_path, "DOT-2023-6T").exit_code == 0
    db = tmp_path / "lich-su-MTCL.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    data = db.read_bytes()
    summary = tmp_path / "DOT-2023-6T" / "output" / "tong-hop-MTCL-2023-6-thang.xlsx"
    summary.unlink()
    result = run(tmp_path, "DOT-2023-6T")
    _untouched(db, data, result, "do phiên bản qmo mới hơn tạo (lược đồ 2; phiên bản này "
               "chỉ đọc được đến lược đồ 1). Hãy cập nhật qmo.")
    assert not summary.exists(), "the history is checked before anything is written"
    english = run(tmp_path, "DOT-2023-6T", "--lang", "en")
    assert "was written by a newer qmo" in english.output


@pytest.mark.parametrize("damage", ["text", "truncated", "pages", "foreign"])
def test_a_damaged_history_is_refused_and_never_written(tmp_path: Path, damage: str) -> None:
    make_round(tmp_path, "DOT-2023-6T")
    assert run(tmp_path, "DOT-2023-6T").exit_code == 0
    db = tmp_path / "lich-su-MTCL.sqlite"
    data = db.read_bytes()
    if damage == "text":
        data = "Danh sách các kỳ báo cáo\n".encode() * 50
        words = "bị hỏng hoặc không phải cơ sở dữ liệu SQLite"
    elif damage == "truncated":
        data = data[: len(data) // 3]
        words = "bị hỏng"
    elif damage == "pages":  # the header is fine, the pages after it are overwritten
        data = data[:4096] + bytes(range(256)) * ((len(data) - 4096) // 256)
        words = "bị hỏng"
    else:
        db.unlink()
        with sqlite3.connect(db) as conn:
            conn.execute("CREATE TABLE khach_hang (ten TEXT)")
        data = db.read_bytes()
        words = "là cơ sở dữ liệu của chương trình khác"
    db.write_bytes(data)
    _untouched(db, data, run(tmp_path, "DOT-2023-6T"), words)


def test_no_history_and_an_explicit_history(tmp_path: Path) -> None:
    make_round(tmp_path, "DOT-2023-6T")
    result = run(tmp_path, "DOT-2023-6T", "--no-history")
    assert result.exit_code == 0
    assert "Lịch sử" not in result.output
    assert not (tmp_path / "lich-su-MTCL.sqlite").exists()
    assert "Vết kiểm tra" in result.output  # the manifest is written all the same
    other = tmp_path / "kho" / "lich-su-khac.sqlite"
    result = run(tmp_path, "DOT-2023-6T", "--history", str(other))
    assert result.exit_code == 0
    assert rows(other, "SELECT period FROM rounds") == [("h1",)]
    both = run(tmp_path, "DOT-2023-6T", "--history", str(other), "--no-history")
    assert both.exit_code == 2


def test_the_round_workbook_names_the_history(tmp_path: Path) -> None:
    from qmo_excel.history import default_history_path
    from qmo_excel.round.book import write_round_workbook
    from qmo_excel.round.reader import read_round

    write_round_workbook(tmp_path / "round.xlsx",
                         config=RoundConfig(town="X", history="lich-su/xa.sqlite"))
    config = read_round(tmp_path / "round.xlsx")
    assert config.history == "lich-su/xa.sqlite"
    assert default_history_path(tmp_path / "returns", tmp_path / "round.xlsx", config) == \
        tmp_path.resolve() / "lich-su" / "xa.sqlite"
    assert default_history_path(tmp_path / "returns", tmp_path / "round.xlsx",
                                RoundConfig()) == tmp_path.resolve().parent / \
        "lich-su-MTCL.sqlite"
    assert default_history_path(tmp_path / "returns") == tmp_path.resolve() / \
        "lich-su-MTCL.sqlite"


def test_an_older_schema_is_upgraded_in_one_transaction(tmp_path: Path) -> None:
    make_round(tmp_path, "DOT-2023-6T")
    assert run(tmp_path, "DOT-2023-6T").exit_code == 0
    db = tmp_path / "lich-su-MTCL.sqlite"
    steps = [*SCHEMA_STEPS, "ALTER TABLE rounds ADD COLUMN note TEXT NOT NULL DEFAULT '';"
             "UPDATE rounds SET note = 'đã nâng cấp';"]
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        upgrade(conn, db, SCHEMA_VERSION, steps)
    finally:
        conn.close()
    assert rows(db, "PRAGMA user_version") == [(SCHEMA_VERSION + 1,)]
    assert rows(db, "SELECT period, note FROM rounds") == [("h1", "đã nâng cấp")]
    assert rows(db, "SELECT value FROM meta WHERE key = 'schema_version'") == \
        [(str(SCHEMA_VERSION + 1),)]
    # a step that fails leaves the file at the version it had
    data = db.read_bytes()
    broken = [*steps, "ALTER TABLE rounds ADD COLUMN x INTEGER;", "SELECT * FROM nowhere;"]
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        with pytest.raises(HistoryError):
            upgrade(conn, db, SCHEMA_VERSION + 1, broken)
    finally:
        conn.close()
    assert db.read_bytes() == data
    assert "x" not in [r[1] for r in rows(db, "PRAGMA table_info(rounds)")]


def test_a_new_or_empty_file_is_created_at_the_current_schema(tmp_path: Path) -> None:
    for path in (tmp_path / "moi" / "lich-su.sqlite", tmp_path / "rong.sqlite"):
        if path.name == "rong.sqlite":
            path.write_bytes(b"")
        open_history(path).close()
        assert rows(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
        names = {r[0] for r in rows(path, "SELECT name FROM sqlite_master WHERE type = "
                                          "'table'")}
        assert {"rounds", "units", "indicators", "objectives", "town_objectives", "tasks",
                "intake", "problems", "meta"} <= names



def test_town_objectives_are_recorded_and_compared(tmp_path: Path) -> None:
    """The town's own objectives (issue 16) are recorded and compared round to round."""
    make_rounds(tmp_path)
    for folder in ("DOT-2022", "DOT-2023"):
        assert run(tmp_path, folder).exit_code == 0
    db = tmp_path / "lich-su-MTCL.sqlite"
    recorded = rows(db, "SELECT r.year, t.code, t.status, t.total, t.achieved, t.source "
                    "FROM town_objectives t JOIN rounds r ON r.id = t.round_id ORDER BY r.id, "
                    "t.code")
    assert recorded == [(2022, "1", "khong_dat", 3, 0, "indicators"),
                        (2022, "2", "dat", 4, 4, "indicators"),
                        (2023, "1", "khong_dat", 3, 2, "indicators"),
                        (2023, "2", "khong_dat", 5, 4, "indicators")]
    members = json.loads(rows(db, "SELECT indicators FROM town_objectives WHERE code = '2' "
                              "ORDER BY round_id DESC")[0][0])
    assert {(m["unit_code"], m["code"], m["verdict"]) for m in members} >= {
        ("PKT", "2", "khong_dat"), ("VP", "1", "dat")}
    assert rows(db, "SELECT year, town_objectives, town_objectives_achieved FROM rounds "
                "ORDER BY id") == [(2022, 2, 1), (2023, 2, 0)]
    assert rows(db, "SELECT town_objective FROM indicators i JOIN rounds r ON "
                "r.id = i.round_id WHERE r.year = 2023 AND unit_code = 'PKT' AND code = '2'") \
        == [("2",)]
    summary = tmp_path / "DOT-2023" / "output" / "tong-hop-MTCL-2023-nam.xlsx"
    table = sheet(summary, "So sánh các kỳ")
    block = next(i for i, r in enumerate(table) if r[0] == "MỤC TIÊU CHUNG SO VỚI CÁC KỲ TRƯỚC")
    row = next(r for r in table[block:] if r[0] == "2")
    assert row[1:9] == ["Cải cách hành chính, nâng cao chất lượng phục vụ", "Không đạt",
                        "04/05", 0.8, "Đạt", "04/04", 1.0, "↓ Không đạt"]
    assert row[9:11] == [0, pytest.approx(-20.0)]
    text = "\n".join(str(c) for r in sheet(summary, "Nhận xét") for c in r if c)
    assert "Mục tiêu của thị xã: 1 mục tiêu từ đạt chuyển sang không đạt (mục tiêu số 2)" \
        in text


def test_the_report_says_what_improved_and_what_fell_back(town: Path) -> None:
    """The signed report (issue 19) carries the narrative's paragraphs on the trends, and
    so does the report written again by `qmo report` from the data beside it."""
    import docx

    def text(path: Path) -> str:
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)

    report = town / "DOT-2023" / "output" / "bao-cao-MTCL-2023-nam.docx"
    first = text(report)
    assert "So với 6 tháng năm 2023 (số liệu đến 20/06/2023), tỷ lệ chỉ tiêu đạt và vượt " \
           "tăng từ 14,3% lên 75%" in first
    assert "Có 1 đơn vị giảm: Phòng Kinh tế" in first
    report.unlink()
    again = CliRunner().invoke(main, ["report", str(town / "DOT-2023")])
    assert again.exit_code == 0, again.output
    assert "So với 6 tháng năm 2023" in text(report)
    half = town / "DOT-2023-6T" / "output" / "bao-cao-MTCL-2023-6-thang.docx"
    assert "So với" not in text(half)
