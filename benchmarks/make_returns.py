"""Make N synthetic but realistic unit returns with our own template, fast and cached.

Every return is written by ``qmo_excel.template.unit_book.write_unit_workbook`` (the real
template: instructions, info form, objectives and plan tables with dropdowns, the hidden
``_qmo`` sheet), filled with Vietnamese text drawn from the phrasing units really use:
20–60 rows on the objectives sheet (objectives 1, 2… and their indicators 1.1, 1.2…),
20–80 tasks. About 10% of the returns carry problems:

- unreadable targets ("phấn đấu cao hơn năm trước", "theo chỉ tiêu tỉnh giao"),
- bad indicator codes ("1..2", "a.1", a duplicated code),
- plan rows pointing at objectives that do not exist,
- a required field left empty, a self-assessment that contradicts the figures,
- and a few file-level ones: a truncated (corrupt) .xlsx, an old ``.xls`` (a file with the
  OLE2 signature, which intake rejects from its magic bytes without parsing), and Excel
  lock files (``~$name.xlsx``, 165 bytes) beside some returns.

Return ``i`` depends only on ``(seed, i)``, so the set for N is a prefix of the set for any
larger N: a set already made for a larger N (in a sibling ``N<size>`` folder of the same
cache root) is reused by hard links. A finished set has a ``.qmo-bench.json`` manifest
(kept out of the returns folder, which holds only what a unit would send); a folder with
a matching manifest is reused as is.

    python benchmarks/make_returns.py /tmp/qmo-bench/N1000 -n 1000 [--jobs 2] [--seed 1]

Layout: ``<folder>/returns/`` holds the files; ``<folder>/.qmo-bench.json`` the manifest.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

GENERATOR_VERSION = 3
MANIFEST = ".qmo-bench.json"
YEAR = 2023
PROBLEM_SHARE = 0.10

# --------------------------------------------------------------------------- phrasing

UNIT_KINDS = (
    ("P", "Phòng", ("Tài chính - Kế hoạch", "Tài nguyên và Môi trường", "Kinh tế",
                    "Quản lý đô thị", "Lao động - Thương binh và Xã hội", "Nội vụ",
                    "Giáo dục và Đào tạo", "Văn hóa và Thông tin", "Tư pháp", "Y tế")),
    ("PH", "UBND phường", ("Hương Xuân", "Hương Văn", "Hương Chữ", "Tứ Hạ", "Hương An",
                           "Hương Vân", "Hương Hồ", "Bắc Hồng", "Nam Hồng", "Trung Sơn")),
    ("X", "UBND xã", ("Hương Toàn", "Hương Phong", "Hải Dương", "Bình Tiến", "Bình Thành",
                      "Hương Thọ", "Hương Bình", "Phong Sơn", "Quảng Thành", "Điền Hải")),
    ("TT", "Trung tâm", ("Y tế", "Văn hóa - Thể thao", "Phát triển quỹ đất",
                         "Giáo dục nghề nghiệp", "Dịch vụ nông nghiệp")),
)
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
          "Ngô", "Dương", "Lý")
MIDDLE = ("Văn", "Thị", "Đình", "Quang", "Thị Thu", "Minh", "Hữu", "Ngọc", "Thanh", "Đức")
GIVEN = ("An", "Bình", "Hoa", "Hà", "Lợi", "Minh", "Nam", "Phúc", "Tuấn", "Vinh", "Thắng",
         "Hương", "Lan", "Sơn", "Trang", "Dũng", "Hải", "Yến")
TITLES = ("chuyên viên", "Thư ký ISO", "Phó Chánh Văn phòng", "công chức Văn phòng - Thống kê")

OBJECTIVES = (
    "Thực hiện các mục tiêu, chỉ tiêu kế hoạch phát triển kinh tế - xã hội, các chương "
    "trình trọng điểm năm 2023",
    "Giải quyết thủ tục hành chính đúng hạn, đúng quy định cho tổ chức, công dân",
    "Hoàn thành đúng nội dung và đảm bảo tiến độ 100% các nhiệm vụ đột xuất theo yêu cầu "
    "của Ủy ban nhân dân, Chủ tịch Ủy ban nhân dân tỉnh, thị xã",
    "Đánh giá, duy trì, cải tiến Hệ thống quản lý chất lượng phù hợp tiêu chuẩn quốc gia "
    "TCVN ISO 9001:2015",
    "Nâng cao chất lượng giáo dục, y tế và chăm sóc sức khỏe nhân dân",
    "Đảm bảo an sinh xã hội, giảm nghèo bền vững",
    "Xây dựng chính quyền điện tử, chuyển đổi số trong hoạt động công vụ",
    "Giữ vững quốc phòng, an ninh, trật tự an toàn xã hội trên địa bàn",
)

# (indicator text, unit of measure, target kind)
INDICATORS = (
    ("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "%", "above"),
    ("Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến toàn trình", "%", "above"),
    ("Tốc độ tăng trưởng GTSX so với năm 2022", "%", "range"),
    ("Ngành công nghiệp - xây dựng tăng", "%", "range"),
    ("Ngành dịch vụ tăng", "%", "range"),
    ("Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "amount"),
    ("Tổng thu ngân sách trên địa bàn", "tỷ đồng", "amount_range"),
    ("Thu nhập bình quân đầu người", "triệu đồng/người/năm", "amount_range"),
    ("Tỷ lệ hộ nghèo giảm", "%", "decrease"),
    ("Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "%", "below"),
    ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", "below"),
    ("Tỷ lệ thu gom rác thải sinh hoạt", "%", "above"),
    ("Tỷ lệ dân số sử dụng nước sạch", "%", "plain"),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "above"),
    ("Tỷ lệ che phủ của rừng", "%", "range"),
    ("Số trường đạt chuẩn quốc gia", "trường", "ratio"),
    ("Số lao động được giải quyết việc làm mới", "lao động", "amount"),
    ("Tỷ lệ lao động qua đào tạo", "%", "above"),
    ("Số xã đạt chuẩn xã nông thôn mới", "xã", "count"),
    ("Tỷ lệ gia đình đạt danh hiệu Gia đình văn hóa", "%", "above"),
    ("Tỷ lệ văn bản được ký số, gửi nhận qua mạng", "%", "above"),
    ("Tỷ lệ ý kiến chỉ đạo hoàn thành đúng hạn", "%", "plain100"),
    ("Tổ chức đánh giá nội bộ Hệ thống quản lý chất lượng", "lần/năm", "at_least"),
    ("Mức độ hài lòng của tổ chức, công dân", "%", "above"),
    ("Công tác thi đua, khen thưởng", "", "qualitative"),
)
UNREADABLE_TARGETS = ("#REF!", "phấn đấu cao hơn năm trước", "theo chỉ tiêu tỉnh giao",
                      "95-", "0,,5%", "???")
BAD_CODES = ("1..2", "a.1", "I.1", "1,2", "1.1.1.1")

TASKS = (
    "Xây dựng kế hoạch thực hiện mục tiêu chất lượng năm 2023",
    "Phân giao chỉ tiêu cụ thể đến các bộ phận và yêu cầu xây dựng kế hoạch hành động",
    "Niêm yết, công khai thủ tục hành chính tại Bộ phận Một cửa",
    "Rà soát, cập nhật danh mục TTHC lĩnh vực {field}",
    "Kiểm tra, đôn đốc giải quyết hồ sơ TTHC đúng hạn trên phần mềm một cửa điện tử",
    "Tổ chức đánh giá nội bộ Hệ thống quản lý chất lượng",
    "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng",
    "Tuyên truyền, vận động nhân dân tham gia bảo hiểm y tế",
    "Hướng dẫn, hỗ trợ hoàn thiện hồ sơ đề nghị công nhận đạt chuẩn nông thôn mới",
    "Theo dõi, đôn đốc thực hiện ý kiến chỉ đạo trên phần mềm quản lý văn bản",
    "Xây dựng kế hoạch thu gom, xử lý rác thải sinh hoạt",
    "Tổ chức tập huấn nghiệp vụ cho cán bộ, công chức",
    "Rà soát hộ nghèo, hộ cận nghèo cuối năm",
    "Kiểm tra chất lượng nước sạch tại các hộ dân",
    "Thực hiện điều chỉnh kịp thời khi kế hoạch thực hiện các chỉ tiêu không đảm bảo yêu cầu",
    "Tiếp nhận, xử lý phản ánh, kiến nghị của tổ chức, công dân",
    "Số hóa hồ sơ, kết quả giải quyết TTHC",
    "Họp xem xét của lãnh đạo về Hệ thống quản lý chất lượng",
)
FIELDS = ("tài chính - kế hoạch", "tài nguyên - môi trường", "tư pháp - hộ tịch",
          "lao động - thương binh và xã hội", "xây dựng", "giáo dục", "y tế", "văn hóa")
LEADS = ("Lãnh đạo phòng", "Công chức Văn phòng - Thống kê", "Bộ phận một cửa",
         "Thư ký ISO", "Công chức Tư pháp - Hộ tịch", "Công chức Địa chính - Xây dựng",
         "Các bộ phận chuyên môn", "Trưởng phòng", "Công chức Văn hóa - Xã hội")
COORD = ("", "Các bộ phận", "UBND các xã, phường", "Trung tâm Y tế", "Mặt trận Tổ quốc",
         "Các đoàn thể")
MONITOR = ("QMR; Thư ký ISO", "Lãnh đạo phòng", "Thư ký ISO", "Chủ tịch UBND")
OUTPUTS = ("Kế hoạch", "Báo cáo kết quả", "Biên bản kiểm tra", "Danh mục TTHC cập nhật",
           "Quyết định ban hành", "Hồ sơ đề nghị công nhận", "Kế hoạch ĐGNB", "")
NOTES = ("", "", "", "Chậm do chờ số liệu", "Chờ hướng dẫn của tỉnh", "Đã báo cáo UBND thị xã")
EVIDENCE = ("", "Báo cáo số {n}/BC-UBND ngày {d}", "Phần mềm một cửa điện tử",
            "Số liệu Chi cục Thống kê", "Sổ theo dõi ý kiến chỉ đạo",
            "Quyết định công nhận của UBND tỉnh")


def _vn(x: float, digits: int = 1) -> str:
    """96.4 -> '96,4'; 1100 -> '1.100'."""
    if digits == 0 or float(x).is_integer():
        return f"{round(x):,}".replace(",", ".")
    return f"{x:.{digits}f}".replace(".", ",")


def _target_result(rng: random.Random, kind: str) -> tuple[str, str, str]:
    """(target, result, self-assessment code) written the way officials write them."""
    ok = rng.random() < 0.8
    if kind == "above":
        t = rng.choice((90, 93, 95, 98))
        r = t + rng.uniform(0.1, 4) if ok else t - rng.uniform(0.5, 5)
        return rng.choice((f"trên {t}%", f"≥ {t}%", f">{t}%", f"tối thiểu {t}%")), \
            f"{_vn(min(r, 100))}%", "dat" if ok else "khong_dat"
    if kind == "range":
        lo = rng.choice((3.0, 13.0, 14.0, 16.0, 56.0))
        hi = lo + 1
        r = rng.uniform(lo, hi + 0.5) if ok else lo - rng.uniform(0.2, 2)
        return rng.choice((f"{_vn(lo, 0)}-{_vn(hi, 0)}%", f"{_vn(lo, 1)}-{_vn(hi, 1)}%",
                           f"{_vn(lo, 0)} - {_vn(hi, 0)} %")), \
            rng.choice(("", "ước đạt ")) + f"{_vn(r)}%", "dat" if ok else "khong_dat"
    if kind == "amount":
        t = rng.choice((1100, 850, 1200, 450, 2500))
        r = t * (rng.uniform(1.0, 1.1) if ok else rng.uniform(0.85, 0.99))
        return f"{_vn(t, 0)} tỷ đồng" if t > 1000 else f"{_vn(t, 0)}", \
            rng.choice(("", "ước đạt ")) + f"{_vn(r, 0)} tỷ đồng", "dat" if ok else "khong_dat"
    if kind == "amount_range":
        lo = rng.choice((46, 185, 60))
        uom = "triệu đồng/người/năm" if lo == 46 else "tỷ đồng"
        r = lo + rng.uniform(0.5, 6) if ok else lo - rng.uniform(1, 4)
        return f"{lo}-{lo + 5} {uom}", f"{_vn(r)} {uom}", "dat" if ok else "khong_dat"
    if kind == "decrease":
        return "giảm 0,8-1,0%", f"giảm {_vn(rng.uniform(0.5, 1.3))}%", \
            "dat" if ok else "khong_dat"
    if kind == "below":
        t = rng.choice((1, 2, 5, 8))
        r = t - rng.uniform(0.1, 0.9) if ok else t + rng.uniform(0.1, 1)
        return rng.choice((f"dưới {t}%", f"< {t}%", f"không quá {t}%")), f"{_vn(r)}%", \
            "dat" if ok else "khong_dat"
    if kind == "plain":
        return "99,9%", rng.choice(("99,9%", "100%", "99,5%")), "dat"
    if kind == "plain100":
        n = rng.randint(20, 40)
        done = n if ok else n - rng.randint(1, 3)
        return "100%", rng.choice((f"{done}/{n}", f"{done}/{n} nhiệm vụ", "100%")), \
            "dat" if ok else "khong_dat"
    if kind == "ratio":
        n = rng.randint(30, 40)
        k = rng.randint(25, n)
        return f"{k}/{n} trường, tỷ lệ {_vn(100 * k / n)}%", \
            f"{k + (0 if ok else -2)}/{n} trường", "dat" if ok else "khong_dat"
    if kind == "count":
        return "Có 01 xã đạt chuẩn xã nông thôn mới", rng.choice(("01 xã", "Chưa đạt")), "dat"
    if kind == "at_least":
        return "ít nhất 01 lần/năm", rng.choice(("01 lần", "02 lần")), "dat"
    return "Hoàn thành", rng.choice(("Hoàn thành", "Đạt", "")), "dat"


def _self_assessment(text: str, target: str, result: str, direction: str) -> str:
    """What a careful unit writes: the judge's own verdict of its figures."""
    from qmo_excel.judge import judge, read_result, read_target
    from qmo_excel.judge.verdict import with_direction

    if not result:
        return ""
    t = read_target(target, indicator=text)
    if direction:
        t = with_direction(t, direction)
    verdict = judge(t, read_result(result, t)).verdict
    return verdict if verdict in ("vuot", "dat", "khong_dat") else ""


def _timeline(rng: random.Random) -> tuple[str, date | None]:
    """(timeline text, the deadline it implies or None)."""
    m = rng.randint(1, 12)
    last = (date(YEAR + (m == 12), m % 12 + 1, 1) - timedelta(days=1))
    q = (m - 1) // 3 + 1
    roman = ("I", "II", "III", "IV")[q - 1]
    qend = date(YEAR + (q == 4), (q * 3) % 12 + 1, 1) - timedelta(days=1)
    options: list[tuple[str, date | None]] = [
        (f"Tháng {m:02d}/{YEAR}", last),
        (f"Quý {roman}/{YEAR}", qend),
        (f"Tháng {m}-{min(m + 1, 12)}/{YEAR}", last),
        (f"Trước ngày {last.day} tháng {m} hàng năm", last),
        ("Thường xuyên", None),
        ("Khi có phát sinh", None),
        ("Định kỳ hàng tháng", None),
    ]
    return rng.choice(options)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def unit_of(i: int) -> tuple[str, str]:
    """A unique unit code and name for return ``i``."""
    prefix, kind, names = UNIT_KINDS[i % len(UNIT_KINDS)]
    name = names[(i // len(UNIT_KINDS)) % len(names)]
    return f"{prefix}-{i:05d}", f"{kind} {name} ({i})"


def plan_return(seed: int, i: int) -> dict[str, Any]:
    """Everything about return ``i``: its records, its problem (if any) and its file name."""
    rng = random.Random(seed * 1_000_003 + i)
    code, name = unit_of(i)
    problem = ""
    if rng.random() < PROBLEM_SHARE:
        problem = rng.choices(
            ("target-unreadable", "bad-code", "duplicate-code", "plan-missing-objective",
             "required-empty", "self-assessment", "corrupt", "old-xls"),
            weights=(20, 15, 10, 20, 10, 10, 8, 7))[0]
    info = {"unit_code": code, "unit_name": name, "year": YEAR, "period": "year",
            "preparer": f"{_person(rng)}, {rng.choice(TITLES)}",
            "contact": f"0234 35{rng.randint(10000, 99999)}",
            "report_date": date(YEAR, 12, 1) + timedelta(days=rng.randint(0, 14)),
            "head": _person(rng)}
    n_rows = rng.randint(20, 60)
    objectives: list[dict[str, Any]] = []
    obj_codes: list[str] = []
    k = 0
    while len(objectives) < n_rows - 1:
        k += 1
        obj_codes.append(str(k))
        objectives.append({"code": str(k), "text": OBJECTIVES[(k - 1 + i) % len(OBJECTIVES)]})
        for j in range(1, rng.randint(2, 9)):
            if len(objectives) >= n_rows and j > 1:
                break
            text, uom, kind = rng.choice(INDICATORS)
            target, result, sa = _target_result(rng, kind)
            if rng.random() < 0.08:  # no figure yet
                result, sa = "", "dang_thuc_hien"
            direction = "lower_is_better" if kind in ("below", "decrease") and \
                rng.random() < 0.5 else ""
            sa = _self_assessment(text, target, result, direction) or sa
            row = {"code": f"{k}.{j}", "text": text, "unit_of_measure": uom,
                   "target": target, "result": result, "self_assessment": sa,
                   "evidence": rng.choice(EVIDENCE).format(n=rng.randint(100, 2000),
                                                           d=f"0{rng.randint(1, 9)}/12/{YEAR}"),
                   "lead": rng.choice(LEADS), "direction": direction}
            objectives.append({k2: v for k2, v in row.items() if v not in ("", None)})
    n_tasks = rng.randint(20, 80)
    tasks: list[dict[str, Any]] = []
    for t in range(1, n_tasks + 1):
        timeline, due = _timeline(rng)
        status = rng.choices(("done", "in_progress", "not_started", "cancelled"),
                             weights=(60, 30, 8, 2))[0]
        completed = None
        if status == "done":
            base = due or date(YEAR, rng.randint(1, 11), 15)
            completed = base - timedelta(days=rng.randint(-10, 25))
            completed = min(completed, date(YEAR, 12, 10))
        task: dict[str, Any] = {"number": str(t), "objective_code": rng.choice(obj_codes),
               "task": rng.choice(TASKS).format(field=rng.choice(FIELDS)),
               "lead": rng.choice(LEADS), "coordinating": rng.choice(COORD),
               "timeline": timeline, "monitoring": rng.choice(MONITOR),
               "expected_output": rng.choice(OUTPUTS), "status": status,
               "completed_on": completed, "notes": rng.choice(NOTES)}
        tasks.append({k2: v for k2, v in task.items() if v not in ("", None)})
    inds = [r for r in objectives if "." in r["code"]]
    if problem == "target-unreadable":
        for r in rng.sample(inds, min(len(inds), rng.randint(1, 4))):
            r["target"] = rng.choice(UNREADABLE_TARGETS)
    elif problem == "bad-code":
        for r in rng.sample(inds, min(len(inds), rng.randint(1, 3))):
            r["code"] = rng.choice(BAD_CODES)
    elif problem == "duplicate-code":
        a, b = rng.sample(inds, 2)
        b["code"] = a["code"]
    elif problem == "plan-missing-objective":
        for r in rng.sample(tasks, rng.randint(1, 3)):
            r["objective_code"] = str(len(obj_codes) + rng.randint(1, 5))
    elif problem == "required-empty":
        del info["report_date"]
    elif problem == "self-assessment":
        for r in rng.sample(inds, min(len(inds), 3)):
            r["self_assessment"] = "vuot" if r.get("self_assessment") == "khong_dat" else \
                "khong_dat"
    ext = ".xls" if problem == "old-xls" else ".xlsx"
    plain = rng.random() < 0.5
    stem = f"BaoCao_MTCL_{YEAR}_{code}" if plain else f"Báo cáo MTCL {YEAR} - {code}"
    return {"i": i, "file": f"{i:05d}_{stem}{ext}", "info": info, "objectives": objectives,
            "tasks": tasks, "problem": problem,
            "lock": rng.random() < 0.01, "lock_assigned": rng.random() < 0.5}


OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")


def excel_lock_bytes(owner: str) -> bytes:
    """The 165-byte owner file Excel writes beside an open workbook (~$name.xlsx)."""
    name = owner[:53]
    ansi = name.encode("cp1252", "replace").ljust(53, b" ")
    wide = name.ljust(54).encode("utf-16-le")
    return bytes([len(name)]) + ansi + b"\x00" + bytes([len(name), 0]) + wide


def write_one(args: tuple[int, int, str]) -> tuple[int, list[str], str]:
    """Write return ``i`` into ``folder``; returns (i, file names written, problem)."""
    from qmo_excel.template.unit_book import write_unit_workbook

    seed, i, folder = args
    plan = plan_return(seed, i)
    out = Path(folder)
    path = out / plan["file"]
    names = [plan["file"]]
    if plan["problem"] == "old-xls":
        # an OLE2 compound file whose directory names a "Workbook" stream: what Excel
        # 97-2003 writes (the body is filler; intake must not parse it anyway)
        body = bytearray(OLE2 + bytes(4096))
        body[1024:1024 + 18] = "Workbook".encode("utf-16-le") + b"\x00\x00"
        path.write_bytes(bytes(body))
    else:
        write_unit_workbook(path, lang="vi", info=plan["info"], objectives=plan["objectives"],
                            tasks=plan["tasks"], lock_assigned=plan["lock_assigned"])
        if plan["problem"] == "corrupt":
            data = path.read_bytes()
            path.write_bytes(data[: len(data) // 2])
    if plan["lock"]:
        lock = f"~${plan['file']}"
        (out / lock).write_bytes(excel_lock_bytes("Nguyen Van A"))
        names.append(lock)
    # a fixed modification time, so nothing depends on when the set was made
    stamp = 1702000000 + i
    for n in names:
        os.utime(out / n, (stamp, stamp))
    return i, names, plan["problem"]


def _manifest(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _usable(data: dict[str, Any] | None, n: int, seed: int) -> bool:
    return data is not None and data.get("version") == GENERATOR_VERSION and \
        data.get("seed") == seed and int(data.get("n", -1)) >= n


def make_set(folder: str | Path, n: int, *, seed: int = 1, jobs: int | None = None,
             log: Any = None) -> Path:
    """Make (or reuse) the set of ``n`` returns in ``folder``; returns its returns folder."""
    folder = Path(folder)
    returns = folder / "returns"
    data = _manifest(folder)
    if data is not None and _usable(data, n, seed) and int(data["n"]) == n:
        return returns
    say = log or (lambda msg: None)
    if returns.exists():
        shutil.rmtree(returns)
    (folder / MANIFEST).unlink(missing_ok=True)
    returns.mkdir(parents=True)
    files: dict[str, list[str]] = {}
    problems: dict[str, str] = {}
    # a larger set of the same seed beside this one: link its first n returns
    donor = None
    if folder.parent.is_dir():
        for sib in sorted(folder.parent.iterdir()):
            if sib != folder and _usable(_manifest(sib), n, seed):
                donor = sib
                break
    t0 = time.perf_counter()
    if donor is not None:
        dm = _manifest(donor) or {}
        for i in range(n):
            names = dm["files"][str(i)]
            for name in names:
                src = donor / "returns" / name
                try:
                    os.link(src, returns / name)
                except OSError:
                    shutil.copy2(src, returns / name)
            files[str(i)] = names
            problems[str(i)] = dm["problems"].get(str(i), "")
        say(f"linked {n} returns from {donor} in {time.perf_counter() - t0:.1f} s")
    else:
        jobs = jobs or os.cpu_count() or 1
        work = [(seed, i, str(returns)) for i in range(n)]
        ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        with ctx.Pool(jobs) as pool:
            for done, (i, names, prob) in enumerate(
                    pool.imap_unordered(write_one, work, chunksize=16), start=1):
                files[str(i)] = names
                problems[str(i)] = prob
                if done % 1000 == 0:
                    say(f"  {done}/{n} returns written")
        say(f"wrote {n} returns in {time.perf_counter() - t0:.1f} s on {jobs} processes")
    counts: dict[str, int] = {}
    for p in problems.values():
        counts[p or "none"] = counts.get(p or "none", 0) + 1
    manifest = {"version": GENERATOR_VERSION, "seed": seed, "n": n, "problems_count": counts,
                "files": files, "problems": {k: v for k, v in problems.items() if v}}
    tmp = folder / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    os.replace(tmp, folder / MANIFEST)
    return returns


def set_info(folder: str | Path) -> dict[str, Any]:
    """What a made set holds: n, file count, the share of each problem."""
    data = _manifest(Path(folder)) or {}
    files = data.get("files", {})
    return {"n": data.get("n"), "files": sum(len(v) for v in files.values()),
            "problems": data.get("problems_count", {})}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="cache folder of this set, e.g. /tmp/qmo-bench/N1000")
    ap.add_argument("-n", type=int, required=True, help="number of returns")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=None, help="processes (default: all CPUs)")
    args = ap.parse_args(argv)
    returns = make_set(args.folder, args.n, seed=args.seed, jobs=args.jobs,
                       log=lambda m: print(m, file=sys.stderr))
    print(returns)
    print(json.dumps(set_info(args.folder), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
