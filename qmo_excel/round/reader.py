"""Read a round workbook into ``model.RoundConfig``; the example round of the seeds.

Everything in a round workbook is optional: an empty or missing value takes its default
(year None, period "year", bands 90/70/50, cap 100). Sheets are found by the meta
sheet's language or by their names in either language, columns by their header labels,
settings by their labels; empty rows are skipped. A value that is present but cannot be
read, or a file that is not a round workbook, raises ``RoundError`` with a Vietnamese
message naming the cell.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl

from qmo_excel import spec
from qmo_excel.cells import cell_text, loose, parse_date, parse_decimal, parse_year
from qmo_excel.fileio import open_regular
from qmo_excel.model import (
    Assignment,
    RatingRules,
    RegisteredUnit,
    ReportSettings,
    RoundConfig,
    TownObjective,
)
from qmo_excel.safetext import shown

MAX_ROUND_BYTES = 50_000_000  # a round workbook of 500 units is well under 1 MB
MAX_CAP = 1000.0  # % of plan: a cap of 100 counts no over-achievement; 1,000 is lavish
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old .xls, or an encrypted package


class RoundError(Exception):
    """The file is not a readable round workbook, or one of its values is wrong."""


def _convert(field: spec.Field, value: Any, where: str) -> Any:
    """A cell's value as its field wants it (None when empty)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if field.kind == "year":
        year = parse_year(value)
        if year is None:
            raise RoundError(f"Ô {where} ({field.vi}): “{cell_text(value)}” không phải một năm "
                             "hợp lệ; ghi năm 4 chữ số, ví dụ 2023.")
        return year
    if field.kind == "date":
        return _date(value, field, where)
    if field.kind == "number":
        number = parse_decimal(value)
        if number is None:
            raise RoundError(f"Ô {where} ({field.vi}): “{cell_text(value)}” không phải một số.")
        return number
    if field.kind == "choice" and field.choices:
        code = spec.choice_code(field.choices, value)
        if code is None:
            allowed = ", ".join(spec.choice_labels(field.choices))
            raise RoundError(f"Ô {where} ({field.vi}): “{cell_text(value)}” không có trong danh "
                             f"sách; chọn một trong: {allowed}.")
        return code
    return cell_text(value)


def _date(value: Any, field: spec.Field, where: str) -> date:
    parsed = parse_date(value)
    if parsed is not None:
        return parsed
    text = cell_text(value)
    raise RoundError(f"Ô {where} ({field.vi}): “{text}” không phải ngày hợp lệ; ghi "
                     "ngày/tháng/năm, ví dụ 15/06/2023.")


def _labels(fields: tuple[spec.Field, ...]) -> dict[str, spec.Field]:
    out: dict[str, spec.Field] = {}
    for f in fields:
        for name in (f.vi, f.en, f.key):
            out[loose(name)] = f
    return out


def _rows(ws: Any) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in ws.iter_rows(values_only=True)]


def _read_settings(rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    sheet = spec.ROUND_SETTINGS
    labels = _labels(sheet.fields)
    found: dict[str, tuple[Any, str]] = {}
    for r, row in enumerate(rows, start=1):
        for c, cell in enumerate(row):
            f = labels.get(loose(cell)) if isinstance(cell, str) else None
            if f is not None and f.key not in found and c + 1 < len(row):
                found[f.key] = (row[c + 1], f"{spec.col_letter(c + 1)}{r}")
                break
    values: dict[str, Any] = {}
    for f in sheet.fields:
        if f.key in found:
            raw, where = found[f.key]
        elif found:  # labels are there, this one is not: the setting is absent
            continue
        else:  # no labels at all: read where the template puts each value
            where = sheet.cell(f.key)
            r, c = int(where[1:]), ord(where[0]) - ord("A")
            raw = rows[r - 1][c] if r <= len(rows) and c < len(rows[r - 1]) else None
        values[f.key] = _convert(f, raw, where)
    return values


def _read_table(rows: list[tuple[Any, ...]], sheet: spec.TableSheet) -> list[dict[str, Any]]:
    labels = _labels(sheet.fields)
    header_row, columns = 0, {}
    for r, row in enumerate(rows[:15], start=1):
        cols = {labels[loose(v)].key: c for c, v in enumerate(row)
                if isinstance(v, str) and loose(v) in labels}
        if len(cols) >= 2:
            header_row, columns = r, cols
            break
    if not header_row:
        header_row = sheet.header_row
        columns = {f.key: i for i, f in enumerate(sheet.fields)}
    records: list[dict[str, Any]] = []
    for r, row in enumerate(rows[header_row:], start=header_row + 1):
        raw = {k: row[c] if c < len(row) else None for k, c in columns.items()}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in raw.values()):
            continue
        rec: dict[str, Any] = {"_row": r}
        for key, value in raw.items():
            where = f"{spec.col_letter(columns[key])}{r}"
            rec[key] = _convert(sheet.field(key), value, f"{sheet.vi}!{where}")
            rec[f"_{key}_cell"] = f"{sheet.vi}!{where}"
        records.append(rec)
    return records


def _find_sheets(wb: Any, lang: str | None) -> dict[str, Any]:
    names = {loose(n): n for n in wb.sheetnames}
    order = [lang] if lang in spec.LANGS else []
    order += [lg for lg in spec.LANGS if lg not in order]
    found: dict[str, Any] = {}
    for sheet in spec.ROUND_SHEETS:
        for lg in order:
            actual = names.get(loose(sheet.vi if lg == "vi" else sheet.en))
            if actual is not None:
                found[sheet.key] = wb[actual]
                break
    return found


def _open(p: Path) -> Any:
    """The workbook, opened read-only from its bytes (read once, bounded); an encrypted
    one or an old .xls is said plainly (it was "BadZipFile")."""
    name = shown(p.name)
    try:
        with open_regular(p) as fh:
            data = fh.read(MAX_ROUND_BYTES + 1)
    except OSError as exc:
        raise RoundError(f"Không đọc được tệp kỳ báo cáo “{name}” "
                         f"({exc.strerror or type(exc).__name__}).") from None
    if len(data) > MAX_ROUND_BYTES:
        raise RoundError(f"“{name}” quá lớn cho một sổ kỳ báo cáo (trên "
                         f"{MAX_ROUND_BYTES // 1_000_000} MB). Tạo tệp bằng lệnh “qmo init”.")
    if data.startswith(_OLE_MAGIC):
        if any(s.encode("utf-16-le") in data for s in ("EncryptionInfo", "EncryptedPackage")):
            raise RoundError(f"“{name}” được đặt mật khẩu (hoặc mã hóa bằng mật khẩu mặc định "
                             "của Excel) nên không đọc được. Hãy mở bằng Excel, gỡ mật khẩu "
                             "(Tệp > Thông tin > Bảo vệ sổ làm việc), lưu dạng .xlsx rồi chạy "
                             "lại.")
        raise RoundError(f"“{name}” là tệp Excel cũ (.xls). Hãy mở bằng Excel, lưu dạng Sổ "
                         "làm việc Excel (.xlsx) rồi chạy lại.")
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise RoundError(f"Không mở được “{name}”: tệp không phải bảng tính Excel .xlsx "
                         f"hợp lệ ({type(exc).__name__}).") from None


def read_round(path: str | Path) -> RoundConfig:
    """Read the round workbook at ``path``; raise ``RoundError`` if it is not one.

    What it lacks where a default serves (no settings sheet, no register or an empty
    one) is said in ``RoundConfig.warnings``."""
    p = Path(path)
    if not p.is_file():
        raise RoundError(f"Không tìm thấy tệp kỳ báo cáo “{shown(str(p))}”.")
    wb = _open(p)
    try:
        meta: dict[str, str] = {}
        if spec.META_SHEET in wb.sheetnames:
            rows = _rows(wb[spec.META_SHEET])
            for key, cell in spec.META_CELLS.items():
                r = int(cell[1:]) - 1
                meta[key] = cell_text(rows[r][1]) if r < len(rows) and len(rows[r]) > 1 else ""
        if meta.get("template_id") == spec.TEMPLATE_ID:
            raise RoundError(f"“{p.name}” là mẫu báo cáo của đơn vị, không phải tệp kỳ báo "
                             "cáo (round.xlsx). Tạo tệp kỳ báo cáo bằng lệnh “qmo init”.")
        sheets = _find_sheets(wb, meta.get("lang"))
        if not sheets:
            raise RoundError(
                f"“{p.name}” không phải tệp kỳ báo cáo: không có trang «{spec.ROUND_SETTINGS.vi}»,"
                f" «{spec.REGISTER.vi}» hay «{spec.ASSIGNMENTS.vi}». Tạo tệp bằng lệnh "
                "“qmo init”.")
        settings = _read_settings(_rows(sheets["settings"])) if "settings" in sheets else {}
        register = _read_table(_rows(sheets["register"]), spec.REGISTER) \
            if "register" in sheets else []
        assigned = _read_table(_rows(sheets["assignments"]), spec.ASSIGNMENTS) \
            if "assignments" in sheets else []
        town = _read_table(_rows(sheets["town_objectives"]), spec.TOWN_OBJECTIVES) \
            if "town_objectives" in sheets else []
    finally:
        wb.close()
    config = _config(settings, register, assigned, town)
    config.source = str(p)
    config.warnings = _gaps(sheets, register, shown(p.name))
    return config


def _share(value: float | None, default: float, label: str) -> float:
    """A share written as 30, "30%" or (a cell formatted as a percentage) 0.3."""
    if value is None:
        return default
    share = value * 100 if 0 < value < 1 else value
    if not 0 <= share <= 100:
        raise RoundError(f"{label} phải từ 0 đến 100 (đang là {value:g}).")
    return share


def _rating(settings: dict[str, Any]) -> RatingRules:
    default = RatingRules()
    thresholds = [settings.get(k) for k in ("band_excellent", "band_good", "band_pass")]
    t = [v if v is not None else d for v, d in zip(
        thresholds, (default.excellent, default.good, default.passing), strict=True)]
    if not 100 >= t[0] >= t[1] >= t[2] >= 0:
        raise RoundError("Ngưỡng xếp loại là điểm từ 0 đến 100 và phải giảm dần: 100 ≥ Hoàn "
                         "thành xuất sắc ≥ Hoàn thành tốt ≥ Hoàn thành ≥ 0 (đang là "
                         f"{t[0]:g}, {t[1]:g}, {t[2]:g}). Sửa ở trang "
                         f"«{spec.ROUND_SETTINGS.vi}».")
    field = spec.ROUND_SETTINGS.field
    return RatingRules(
        excellent=t[0], good=t[1], passing=t[2],
        exceeded_share=_share(settings.get("share_exceeded"), default.exceeded_share,
                              field("share_exceeded").vi),
        missed_share=_share(settings.get("share_missed"), default.missed_share,
                            field("share_missed").vi))


def _town_objectives(records: list[dict[str, Any]],
                     registered: dict[str, str]) -> list[TownObjective]:
    out: list[TownObjective] = []
    seen: dict[str, str] = {}
    for rec in records:
        code, text = rec.get("code") or "", rec.get("text") or ""
        if not code:
            raise RoundError(f"Ô {rec['_code_cell']}: thiếu mã mục tiêu.")
        if code.casefold() in seen:
            raise RoundError(f"Ô {rec['_code_cell']}: mã mục tiêu “{code}” bị trùng (đã có ở "
                             f"ô {seen[code.casefold()]}).")
        seen[code.casefold()] = rec["_code_cell"]
        lead = rec.get("lead_unit") or ""
        if lead and registered and lead.casefold() not in registered:
            raise RoundError(f"Ô {rec['_lead_unit_cell']}: mã đơn vị “{lead}” không có trong "
                             f"trang «{spec.REGISTER.vi}».")
        out.append(TownObjective(code=code, text=text or code,
                                 lead_unit=registered.get(lead.casefold(), lead),
                                 lead_objective=rec.get("lead_objective") or ""))
    return out


def _gaps(sheets: dict[str, Any], register: list[dict[str, Any]], name: str) -> list[str]:
    """What the round workbook lacks where a default serves, said plainly."""
    out: list[str] = []
    if "settings" not in sheets:
        out.append(f"Sổ kỳ báo cáo “{name}” không có trang «{spec.ROUND_SETTINGS.vi}»: "
                   "dùng mặc định (năm và kỳ theo các báo cáo nộp về, ngưỡng xếp loại "
                   "90/70/50 điểm, mức trần 100% kế hoạch).")
    if "register" not in sheets:
        out.append(f"Sổ kỳ báo cáo “{name}” không có trang «{spec.REGISTER.vi}»: mọi đơn vị "
                   "nộp báo cáo đều được nhận, không kiểm tra được đơn vị nào chưa nộp. Hãy "
                   f"thêm trang «{spec.REGISTER.vi}» (mẫu: qmo init).")
    elif not register:
        out.append(f"Trang «{spec.REGISTER.vi}» của sổ kỳ báo cáo “{name}” chưa có đơn vị "
                   "nào: mọi đơn vị nộp báo cáo đều được nhận, không kiểm tra được đơn vị "
                   "nào chưa nộp. Hãy ghi mã và tên các đơn vị phải nộp.")
    return out


def _config(settings: dict[str, Any], register: list[dict[str, Any]],
            assigned: list[dict[str, Any]], town: list[dict[str, Any]]) -> RoundConfig:
    config = RoundConfig()
    config.town = settings.get("town") or ""
    config.year = settings.get("year")
    config.period = settings.get("period") or "year"
    config.deadline = settings.get("deadline")
    config.cut_off = settings.get("cut_off")
    config.rating = _rating(settings)
    config.town_office = settings.get("town_office") or ""
    cap = settings.get("cap")
    if cap is not None and not 100 <= cap <= MAX_CAP:
        raise RoundError(f"Mức trần % kế hoạch phải từ 100 đến {MAX_CAP:g} (đang là "
                         f"{cap:g}); để trống là 100. Sửa ở trang «{spec.ROUND_SETTINGS.vi}».")
    config.cap = cap if cap is not None else 100.0
    config.report = report_settings(settings)
    config.history = settings.get("history") or ""
    seen: dict[str, str] = {}
    for rec in register:
        code = rec.get("unit_code") or ""
        if not code:
            raise RoundError(f"Ô {rec['_unit_code_cell']}: thiếu mã đơn vị.")
        if code.casefold() in seen:
            raise RoundError(f"Ô {rec['_unit_code_cell']}: mã đơn vị “{code}” bị trùng "
                             f"(đã có ở ô {seen[code.casefold()]}).")
        seen[code.casefold()] = rec["_unit_code_cell"]
        config.register.append(RegisteredUnit(code=code, name=rec.get("unit_name") or code,
                                              kind=rec.get("kind") or "",
                                              parent=rec.get("parent") or ""))
    for rec in assigned:
        unit, code = rec.get("unit_code") or "", rec.get("code") or ""
        if not unit or not code:
            missing = "_unit_code_cell" if not unit else "_code_cell"
            what = "mã đơn vị" if not unit else "mã chỉ tiêu"
            raise RoundError(f"Ô {rec[missing]}: thiếu {what}.")
        if seen and unit.casefold() not in seen:
            raise RoundError(f"Ô {rec['_unit_code_cell']}: mã đơn vị “{unit}” không có trong "
                             f"trang «{spec.REGISTER.vi}».")
        config.assignments.append(Assignment(
            unit_code=unit, objective_code=rec.get("objective_code") or code.split(".")[0],
            code=code, text=rec.get("text") or "",
            unit_of_measure=rec.get("unit_of_measure") or "", target=rec.get("target") or "",
            direction=rec.get("direction") or "", weight=rec.get("weight")))
    config.town_objectives = _town_objectives(town, {u.code.casefold(): u.code
                                                     for u in config.register})
    return config


def items(text: str | None) -> tuple[str, ...]:
    """A list setting's items: one per line or separated by ';', each without the dash
    that starts it or the ';' or '.' that ends it ("- Sở KHCN tỉnh;" -> "Sở KHCN tỉnh")."""
    out = []
    for part in re.split(r"[;\n\r]+", text or ""):
        item = " ".join(part.split()).lstrip("-–•+ ").rstrip(";.,").strip()
        if item:
            out.append(item)
    return tuple(out)


def report_settings(settings: dict[str, Any]) -> ReportSettings:
    """The signed report's settings (``spec.REPORT_SETTINGS``) of a settings sheet read."""
    def text(key: str) -> str:
        return " ".join(str(settings.get(key) or "").split())

    return ReportSettings(
        parent=text("doc_parent"), issuer=text("doc_issuer"), place=text("doc_place"),
        number=text("doc_number"), issued=settings.get("doc_date"),
        basis=items(settings.get("doc_basis")), capacity=items(settings.get("doc_capacity")),
        signer_title=text("doc_signer_title"), signer=text("doc_signer"),
        recipients=items(settings.get("doc_recipients")),
        template=str(settings.get("doc_template") or "").strip())


# --------------------------------------------------------------------------- example

_TOWN = "UBND thị xã Hương Trà"
_UNITS = (
    ("PTCKH", "Phòng Tài chính - Kế hoạch", "department"),
    ("PKT", "Phòng Kinh tế", "department"),
    ("PQLDT", "Phòng Quản lý đô thị", "department"),
    ("PTNMT", "Phòng Tài nguyên và Môi trường", "department"),
    ("PGDDT", "Phòng Giáo dục và Đào tạo", "department"),
    ("PLDTBXH", "Phòng Lao động - Thương binh và Xã hội", "department"),
    ("PVHTT", "Phòng Văn hóa thông tin", "department"),
    ("TTYT", "Trung tâm Y tế", "centre"),
    ("VP", "Văn phòng HĐND-UBND", "department"),
    ("P-HXUAN", "UBND phường Hương Xuân", "ward"),
    ("P-TUHA", "UBND phường Tứ Hạ", "ward"),
    ("P-HVAN", "UBND phường Hương Văn", "ward"),
    ("X-HTOAN", "UBND xã Hương Toàn", "commune"),
)
# The town's five objectives of seed 000 ("Đối với mục tiêu …"), with the unit that leads
# each (the office leads those that are not assigned to departments as indicators).
_OBJECTIVES = (
    ("1", "Thực hiện các mục tiêu, chỉ tiêu kế hoạch phát triển kinh tế - xã hội, các "
          "chương trình trọng điểm năm 2023", ""),
    ("2", "Rà soát, đơn giản hóa thủ tục hành chính; giải quyết thủ tục hành chính đúng hạn",
     "VP"),
    ("3", "Hoàn thành các nhiệm vụ đột xuất theo yêu cầu của Ủy ban nhân dân, Chủ tịch Ủy "
          "ban nhân dân cấp tỉnh", "VP"),
    ("4", "Giải quyết đúng hạn phản ánh của công dân trên hệ thống thông tin Dịch vụ đô thị "
          "thông minh", "VP"),
    ("5", "Đánh giá, duy trì, cải tiến Hệ thống quản lý chất lượng phù hợp tiêu chuẩn quốc "
          "gia TCVN ISO 9001:2015 tại thị xã và các xã, phường", "VP"),
)
# unit, indicator code, text, unit of measure, target, direction (seed 000, exact targets)
_ASSIGNED = (
    ("PTCKH", "1.1", "Tốc độ tăng trưởng GTSX so với năm 2022", "%", "14-15%", ""),
    ("PTCKH", "1.2", "Ngành công nghiệp - xây dựng tăng", "%", "16-17 %", ""),
    ("PTCKH", "1.3", "Ngành dịch vụ tăng", "%", "13-14 %", ""),
    ("PTCKH", "1.4", "Ngành nông nghiệp tăng", "%", "3,0-3,5%", ""),
    ("PTCKH", "1.5", "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "1.100 tỷ đồng", ""),
    ("PTCKH", "1.6", "Tổng thu ngân sách", "tỷ đồng", "185-190 tỷ đồng", ""),
    ("PTCKH", "1.7", "Thu nhập bình quân đầu người", "triệu đồng/người/năm",
     "46 – 48 triệu đồng/người/năm", ""),
    ("PKT", "1.8", "Tỷ lệ che phủ của rừng", "%", "56-58 %", ""),
    ("PKT", "1.9", "Số xã đạt chuẩn xã nông thôn mới", "xã",
     "Có 01 xã đạt chuẩn xã nông thôn mới", ""),
    ("PQLDT", "1.10", "Các chỉ tiêu thống kê liên quan đến tiêu chí đô thị", "", "", ""),
    ("PTNMT", "1.11", "Tỷ lệ thu gom rác thải sinh hoạt", "%", ">93%", ""),
    ("PTNMT", "1.12", "Tỷ lệ dân số sử dụng nước sạch", "%", "99,9%", ""),
    ("PGDDT", "1.13", "Tỷ lệ trường học đạt chuẩn quốc gia", "%",
     "31/38 trường, tỷ lệ 81,6%", ""),
    ("PLDTBXH", "1.14", "Tỷ lệ lao động qua đào tạo", "%", ">70%", ""),
    ("PLDTBXH", "1.15", "Giải quyết việc làm hằng năm", "lao động", "900 lao động", ""),
    ("PLDTBXH", "1.16", "Lao động làm việc ở nước ngoài theo hợp đồng", "người/năm",
     "80-100 người/năm", ""),
    ("PLDTBXH", "1.17", "Tỷ lệ hộ nghèo theo chuẩn đa chiều", "%", "giảm 0,8-1,0%/năm",
     "lower_is_better"),
    ("PVHTT", "1.18", "Số phường đạt chuẩn văn minh đô thị", "phường",
     "01 phường đạt chuẩn văn minh đô thị", ""),
    ("TTYT", "1.19", "Các chỉ tiêu thống kê liên quan đến lĩnh vực y tế", "", "", ""),
    ("VP", "2.1", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn và trước hạn", "%", "trên 95%", ""),
    ("VP", "5.1", "Đánh giá việc thực hiện mục tiêu chất lượng trong năm", "lần/năm",
     "ít nhất 01 lần/năm", ""),
)

# The signed report's settings, after seed 002 (its basis documents moved to 2023); the
# number is left for the office to give when the report is issued.
_REPORT = ReportSettings(
    parent="UBND tỉnh Thừa Thiên Huế", place="Hương Trà",
    basis=("Kế hoạch số 522/KH-UBND ngày 23/02/2023 của UBND thị xã về việc triển khai "
           "xây dựng, áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng theo tiêu "
           "chuẩn quốc gia TCVN ISO 9001:2015 năm 2023",
           "Quyết định số 1741/QĐ-UBND ngày 29/12/2022 của UBND thị xã Hương Trà về công bố "
           "mục tiêu chất lượng năm 2023"),
    capacity=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), signer_title="PHÓ CHỦ TỊCH",
    signer="Đỗ Ngọc An",
    recipients=("Sở KHCN tỉnh", "Chủ tịch UBND thị xã", "Các cơ quan, đơn vị thị xã",
                "UBND các xã, phường", "VP: LĐ và CV: ISO", "Lưu: VT, TK ISO"))


def example_round() -> RoundConfig:
    """The round of the seeds: the town of seed 000, its departments and wards, its five
    objectives, the indicators it assigns the units (targets exactly as written), first
    half of 2023; Văn phòng HĐND-UBND is the town's office."""
    objectives = {code: text for code, text, _ in _OBJECTIVES}
    register = [RegisteredUnit(code=c, name=n, kind=k, parent=_TOWN) for c, n, k in _UNITS]
    assignments: list[Assignment] = []
    for unit, code, text, uom, target, direction in _ASSIGNED:
        obj = code.split(".")[0]
        if not any(a.unit_code == unit and a.code == obj for a in assignments):
            assignments.append(Assignment(unit_code=unit, objective_code=obj, code=obj,
                                          text=objectives[obj]))
        assignments.append(Assignment(unit_code=unit, objective_code=obj, code=code,
                                      text=text, unit_of_measure=uom, target=target,
                                      direction=direction, weight=1.0))
    return RoundConfig(town=_TOWN, year=2023, period="h1", deadline=date(2023, 6, 15),
                       cut_off=date(2023, 6, 30), town_office="VP", register=register,
                       assignments=assignments,
                       town_objectives=[TownObjective(code, text, lead)
                                        for code, text, lead in _OBJECTIVES],
                       report=_REPORT)
