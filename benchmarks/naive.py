"""The baselines `run.py` measures `qmo` against, each run as its own process.

    python benchmarks/naive.py read FOLDER              # pandas.read_excel(sheet_name=None) loop
    python benchmarks/naive.py floor FOLDER             # unzip each return, read its sheet XML
    python benchmarks/naive.py pipeline FOLDER OUT.xlsx # the naive read, then DataFrame.to_excel
    python benchmarks/naive.py bare-write OUT.xlsx CELLS  # CELLS cells with bare xlsxwriter

Each prints one JSON line of counts on stdout (never timings: the harness times the whole
process from outside). The naive loops are what a pandas user would write: one process,
every file under FOLDER whose name ends in .xlsx/.xlsm/.xls, errors caught and counted.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path
from typing import Any

SUFFIXES = (".xlsx", ".xlsm", ".xls")
# The sheets and header rows of our template (what a naive script would hard-code).
INFO_SHEET = "Thông tin đơn vị"
OBJECTIVES_SHEET = "Mục tiêu - Chỉ tiêu"
PLAN_SHEET = "Kế hoạch thực hiện"
HEADER_ROW = 2  # 0-based: the header is on row 3


def files_of(folder: str) -> list[Path]:
    return sorted(p for p in Path(folder).rglob("*") if p.is_file()
                  and p.suffix.lower() in SUFFIXES)


def naive_read(folder: str) -> tuple[list[tuple[Path, dict[str, Any]]], int]:
    import pandas as pd

    books: list[tuple[Path, dict[str, Any]]] = []
    failed = 0
    for path in files_of(folder):
        try:
            books.append((path, pd.read_excel(path, sheet_name=None, engine="openpyxl",
                                              header=None)))
        except Exception:
            failed += 1
    return books, failed


def cmd_read(folder: str) -> dict[str, Any]:
    books, failed = naive_read(folder)
    cells = sum(int(df.size) for _, sheets in books for df in sheets.values())
    return {"files": len(books) + failed, "read": len(books), "failed": failed,
            "cells_read": cells}


def cmd_floor(folder: str) -> dict[str, Any]:
    """Unzip every return and read the bytes of its sheets and shared strings: no parsing."""
    read = failed = total = 0
    for path in files_of(folder):
        try:
            with zipfile.ZipFile(path) as zf:
                for name in zf.namelist():
                    if (name.startswith("xl/worksheets/") and name.endswith(".xml")) or \
                            name == "xl/sharedStrings.xml":
                        total += len(zf.read(name))
            read += 1
        except Exception:
            failed += 1
    return {"files": read + failed, "read": read, "failed": failed, "xml_bytes": total}


def cmd_pipeline(folder: str, out: str) -> dict[str, Any]:
    """The naive read, the tables gathered with pandas, one sheet each with to_excel."""
    import pandas as pd

    books, failed = naive_read(folder)
    units: list[dict[str, Any]] = []
    objectives: list[Any] = []
    tasks: list[Any] = []
    for path, sheets in books:
        try:
            info = sheets[INFO_SHEET]
            fields = {str(k): v for k, v in zip(info.iloc[3:, 1], info.iloc[3:, 2], strict=False)}
            code = info.iloc[3, 2]
            units.append({"file": path.name, **fields})
            for key, bucket in ((OBJECTIVES_SHEET, objectives), (PLAN_SHEET, tasks)):
                df = sheets[key]
                table = df.iloc[HEADER_ROW + 1:].copy()
                table.columns = [str(c) for c in df.iloc[HEADER_ROW]]
                table = table.dropna(how="all")
                table.insert(0, "Mã đơn vị", code)
                table.insert(0, "Tệp", path.name)
                bucket.append(table)
        except Exception:
            failed += 1
    frames = {"Đơn vị": pd.DataFrame(units),
              "Chỉ tiêu": pd.concat(objectives, ignore_index=True) if objectives
              else pd.DataFrame(),
              "Nhiệm vụ": pd.concat(tasks, ignore_index=True) if tasks else pd.DataFrame()}
    cells = 0
    with pd.ExcelWriter(out) as writer:
        engine = writer.engine
        for name, df in frames.items():
            df.to_excel(writer, sheet_name=name, index=False)
            cells += int(df.size) + len(df.columns)
    return {"files": len(books) + failed, "read": len(books), "failed": failed,
            "rows": {k: len(v) for k, v in frames.items()}, "cells_written": cells,
            "engine": engine}


VI_TEXT = ("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "Phòng Tài chính - Kế hoạch",
           "trên 95%", "96,4%", "Đạt", "Quý I/2023", "Hoàn thành", "Thường xuyên",
           "Báo cáo số 1487/BC-UBND", "Công chức Văn phòng - Thống kê")


def cmd_bare_write(out: str, cells: int, cols: int = 12) -> dict[str, Any]:
    """``cells`` cells (text and numbers, one header format) with bare xlsxwriter in
    constant_memory mode, a new sheet every 1,000,000 rows."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(out, {"constant_memory": True})
    head = wb.add_format({"bold": True})
    num = wb.add_format({"num_format": "0.0"})
    rows = -(-cells // cols)
    written = 0
    ws = None
    r = 0
    for i in range(rows):
        if i % 1_000_000 == 0:
            ws = wb.add_worksheet()
            ws.write_row(0, 0, [f"Cột {c + 1}" for c in range(cols)], head)
            r = 1
        assert ws is not None
        n = min(cols, cells - written)
        for c in range(n):
            if c % 3 == 2:
                ws.write_number(r, c, (i * 7 + c) % 1000 / 10, num)
            else:
                ws.write_string(r, c, VI_TEXT[(i + c) % len(VI_TEXT)])
        written += n
        r += 1
    wb.close()
    return {"cells_written": written, "rows": rows}


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    cmd, *rest = argv
    if cmd == "read":
        out = cmd_read(rest[0])
    elif cmd == "floor":
        out = cmd_floor(rest[0])
    elif cmd == "pipeline":
        out = cmd_pipeline(rest[0], rest[1])
    elif cmd == "bare-write":
        out = cmd_bare_write(rest[0], int(rest[1]))
    else:
        print(f"unknown command {cmd!r}", file=sys.stderr)
        return 2
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
