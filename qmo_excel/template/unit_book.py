"""The unit workbook (the return a unit fills in), blank or filled, from ``spec`` alone."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from qmo_excel import spec
from qmo_excel.fileio import atomic_path
from qmo_excel.template.instructions import write_unit_instructions
from qmo_excel.template.sheets import (
    is_empty,
    list_refs,
    new_workbook,
    write_info_sheet,
    write_meta,
    write_table_sheet,
)
from qmo_excel.template.styles import Styles

# File names of the blank template, as committed under templates/.
TEMPLATE_FILES = {"vi": "mau-bao-cao-mtcl.xlsx", "en": "mtcl-return-template-en.xlsx"}

TITLES: dict[str, dict[str, tuple[str, str]]] = {
    "vi": {
        "book": ("Mẫu báo cáo mục tiêu chất lượng (MTCL)",
                 "Mục tiêu chất lượng, kế hoạch thực hiện và kết quả theo TCVN ISO 9001:2015"),
        "info": ("THÔNG TIN ĐƠN VỊ",
                 "Điền cột C. Dấu * là bắt buộc. Ô nền xám do Văn phòng điền sẵn: không sửa."),
        "objectives": ("MỤC TIÊU CHẤT LƯỢNG VÀ CHỈ TIÊU",
                       "Mục tiêu ghi mã 1, 2…; chỉ tiêu ghi 1.1, 1.2… Điền từ dòng 4. Bấm vào "
                       "một ô để xem hướng dẫn; ô nền xám do Văn phòng giao: không sửa."),
        "plan": ("KẾ HOẠCH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG",
                 "Mỗi dòng một nhiệm vụ. Cột Mã mục tiêu ghi mã ở trang Mục tiêu - Chỉ tiêu. "
                 "Điền từ dòng 4."),
    },
    "en": {
        "book": ("Quality objectives return (MTCL)",
                 "Quality objectives, plan and results under ISO 9001:2015"),
        "info": ("UNIT INFORMATION",
                 "Fill in column C. * means required. Grey cells were filled by the office."),
        "objectives": ("QUALITY OBJECTIVES AND INDICATORS",
                       "Objectives are coded 1, 2…; indicators 1.1, 1.2… Data from row 4. "
                       "Select a cell to see its help; grey cells were assigned."),
        "plan": ("PLAN OF TASKS",
                 "One task per row; Objective code refers to the Objectives sheet. "
                 "Data from row 4."),
    },
}


def _check_lang(lang: str) -> spec.Lang:
    if lang not in spec.LANGS:
        raise ValueError(f"lang must be one of {spec.LANGS}, not {lang!r}")
    return lang


def write_unit_workbook(
    path: str | Path,
    *,
    lang: str = "vi",
    info: Mapping[str, object] | None = None,
    objectives: Sequence[Mapping[str, object]] | None = None,
    tasks: Sequence[Mapping[str, object]] | None = None,
    lock_assigned: bool = False,
) -> None:
    """Write the unit workbook to ``path`` (atomically; the same bytes on every run).

    ``info``, ``objectives`` and ``tasks`` are keyed by ``spec`` field keys. Values may be
    str, int, float or ``datetime.date``; dates become real Excel dates shown dd/mm/yyyy,
    a choice given as code or label is written as the ``lang`` label, and text is always
    written as text (never as a formula). With ``lock_assigned`` the filled cells of the
    fields marked ``assigned`` are locked and shaded grey; every other input stays open.
    """
    lg = _check_lang(lang)
    t = TITLES[lg]
    info = dict(info or {})
    unit_name = "" if is_empty(info.get("unit_name")) else str(info["unit_name"]).strip()
    suffix = f" – {unit_name}" if unit_name else ""
    lists = list_refs()
    with atomic_path(path) as tmp:
        wb = new_workbook(tmp, title=t["book"][0], subject=t["book"][1],
                          template_id=spec.TEMPLATE_ID, lang=lg)
        styles = Styles(wb)
        write_unit_instructions(wb, styles, lg)
        write_info_sheet(wb, styles, spec.UNIT_INFO, lang=lg, title=t["info"][0] + suffix,
                         hint=t["info"][1], values=info, lists=lists,
                         lock_assigned=lock_assigned)
        write_table_sheet(wb, styles, spec.OBJECTIVES, lang=lg,
                          title=t["objectives"][0] + suffix, hint=t["objectives"][1],
                          records=objectives, lists=lists, lock_assigned=lock_assigned)
        write_table_sheet(wb, styles, spec.PLAN, lang=lg, title=t["plan"][0] + suffix,
                          hint=t["plan"][1], records=tasks, lists=lists,
                          lock_assigned=lock_assigned)
        write_meta(wb, styles, template_id=spec.TEMPLATE_ID, lang=lg, kind="unit")
        wb.close()
