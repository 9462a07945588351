"""The round workbook: settings, register of units and assignments of one round."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from qmo_excel import spec
from qmo_excel.fileio import atomic_path
from qmo_excel.model import RoundConfig
from qmo_excel.template.instructions import write_round_instructions
from qmo_excel.template.sheets import (
    list_refs,
    new_workbook,
    write_info_sheet,
    write_meta,
    write_table_sheet,
)
from qmo_excel.template.styles import Styles
from qmo_excel.template.unit_book import _check_lang

TITLES: dict[str, dict[str, tuple[str, str]]] = {
    "vi": {
        "book": ("Kỳ báo cáo mục tiêu chất lượng", "Cài đặt, danh sách đơn vị, giao chỉ tiêu"),
        "settings": ("CÀI ĐẶT KỲ BÁO CÁO",
                     "Điền cột C; ô để trống dùng giá trị mặc định ghi ở cột D."),
        "register": ("DANH SÁCH ĐƠN VỊ PHẢI NỘP BÁO CÁO",
                     "Mỗi dòng một đơn vị. Mã đơn vị ngắn, không dấu, không trùng (ví dụ "
                     "PTCKH, P-HXUAN). Điền từ dòng 4."),
        "assignments": ("GIAO CHỈ TIÊU CHO ĐƠN VỊ",
                        "Mỗi dòng một chỉ tiêu giao cho một đơn vị (mục tiêu 1, chỉ tiêu "
                        "1.1…). Ghi chỉ tiêu đúng như trong quyết định. Điền từ dòng 4."),
        "town_objectives": ("MỤC TIÊU CHẤT LƯỢNG CỦA THỊ XÃ",
                            "Mỗi dòng một mục tiêu, như trong quyết định công bố MTCL. Chỉ "
                            "tiêu giao cho đơn vị thuộc mục tiêu ghi ở cột «Mã mục tiêu» của "
                            "trang «Giao chỉ tiêu». Điền từ dòng 4."),
    },
    "en": {
        "book": ("Quality objectives reporting round", "Settings, units, assignments"),
        "settings": ("ROUND SETTINGS", "Fill in column C; empty cells take the default."),
        "register": ("UNITS EXPECTED TO REPORT",
                     "One unit per row. Short unique codes without accents (PTCKH)."),
        "assignments": ("INDICATORS ASSIGNED TO UNITS",
                        "One indicator for one unit per row, target as in the decision."),
        "town_objectives": ("THE TOWN'S QUALITY OBJECTIVES",
                            "One objective per row, as in the decision. Assigned indicators "
                            "belong to the objective in their «Objective code»."),
    },
}


def _settings_values(config: RoundConfig, lang: spec.Lang) -> dict[str, object]:
    r = config.rating
    values: dict[str, object] = {
        "town": config.town, "year": config.year, "period": config.period,
        "deadline": config.deadline, "cut_off": config.cut_off, "band_excellent": r.excellent,
        "band_good": r.good, "band_pass": r.passing, "cap": config.cap,
        "share_exceeded": r.exceeded_share, "share_missed": r.missed_share,
        "town_office": config.town_office,
        "history": config.history,
    }
    doc = config.report
    values.update({
        "doc_parent": doc.parent, "doc_issuer": doc.issuer, "doc_place": doc.place,
        "doc_number": doc.number, "doc_date": doc.issued, "doc_basis": "\n".join(doc.basis),
        "doc_capacity": "\n".join(doc.capacity), "doc_signer_title": doc.signer_title,
        "doc_signer": doc.signer, "doc_recipients": "\n".join(doc.recipients),
        "doc_template": doc.template,
    })
    return {k: v for k, v in values.items() if v not in (None, "")}


def write_round_workbook(path: str | Path, *, lang: str = "vi",
                         config: RoundConfig | None = None) -> None:
    """Write the round workbook (blank, or holding ``config``) to ``path``."""
    lg = _check_lang(lang)
    t = TITLES[lg]
    config = config or RoundConfig()
    lists = list_refs()
    register = [asdict(u) for u in config.register]
    for rec in register:
        rec["unit_code"] = rec.pop("code")
        rec["unit_name"] = rec.pop("name")
    assignments = [asdict(a) for a in config.assignments]
    with atomic_path(path) as tmp:
        wb = new_workbook(tmp, title=t["book"][0], subject=t["book"][1],
                          template_id=spec.ROUND_TEMPLATE_ID, lang=lg)
        styles = Styles(wb)
        write_round_instructions(wb, styles, lg)
        write_info_sheet(wb, styles, spec.ROUND_SETTINGS, lang=lg, title=t["settings"][0],
                         hint=t["settings"][1], values=_settings_values(config, lg),
                         lists=lists)
        write_table_sheet(wb, styles, spec.REGISTER, lang=lg, title=t["register"][0],
                          hint=t["register"][1], records=register, lists=lists)
        write_table_sheet(wb, styles, spec.TOWN_OBJECTIVES, lang=lg,
                          title=t["town_objectives"][0], hint=t["town_objectives"][1],
                          records=[asdict(o) for o in config.town_objectives], lists=lists)
        write_table_sheet(wb, styles, spec.ASSIGNMENTS, lang=lg, title=t["assignments"][0],
                          hint=t["assignments"][1], records=assignments, lists=lists)
        write_meta(wb, styles, template_id=spec.ROUND_TEMPLATE_ID, lang=lg, kind="round")
        wb.close()
