"""Every word the report document shows, in Vietnamese and English, declared once.

The static words of the form (Nghị định 30/2020/NĐ-CP, Phụ lục I) go to the template as
``w``; the sentences are formatted by ``content``. The English version is for partners:
names of bodies, documents and people stay as the office typed them.
"""

from __future__ import annotations

FORM: dict[str, tuple[str, str]] = {
    "republic": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "number": ("Số:", "No.:"),
    "kind": ("BÁO CÁO", "REPORT"),
    "col_content": ("Nội dung công việc", "Objective"),
    "col_result": ("Kết quả thực hiện", "Result"),
    "recipients": ("Nơi nhận:", "Recipients:"),
    "annex": ("Phụ lục", "Annex"),
    "annex_title": ("KẾT QUẢ THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG CỦA CÁC ĐƠN VỊ",
                    "RESULTS OF THE UNITS"),
    "col_no": ("TT", "No."),
    "col_unit": ("Cơ quan, đơn vị", "Unit"),
    "col_indicators": ("Chỉ tiêu đạt/tổng số", "Achieved/ total"),
    "col_score": ("Điểm", "Score"),
    "col_band": ("Xếp loại", "Band"),
    "col_note": ("Ghi chú", "Notes"),
}

# What the document shows where a setting is empty (highlighted, for the office to fill).
PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "parent": ("[CƠ QUAN CHỦ QUẢN]", "[PARENT BODY]"),
    "issuer": ("[TÊN CƠ QUAN BAN HÀNH]", "[ISSUING BODY]"),
    "number": ("……/BC-UBND", "……/BC-UBND"),
    "place": ("[Địa danh]", "[Place]"),
    "basis": ("Căn cứ [Kế hoạch, Quyết định số …, ngày … của … về việc …];",
              "Pursuant to [Plan, Decision No. …, dated … of … on …];"),
    "capacity": ("[THẨM QUYỀN KÝ]", "[SIGNING CAPACITY]"),
    "signer_title": ("[CHỨC VỤ]", "[TITLE]"),
    "signer": ("[Họ và tên]", "[Full name]"),
    "recipients": ("[Nơi nhận];", "[Recipient];"),
    "direction": ("[Văn phòng bổ sung phương hướng, nhiệm vụ trong thời gian tới{which}: "
                  "giải pháp, đơn vị chịu trách nhiệm, thời hạn.]",
                  "[The office adds the direction for the next period{which}: measures, who "
                  "is responsible, deadlines.]"),
    "direction_which": (", nhất là đối với {codes}", ", above all for {codes}"),
}

TEXT: dict[str, dict[str, str]] = {
    "vi": {
        "subject": "Kết quả thực hiện Mục tiêu chất lượng {period}",
        "date": "ngày {d} tháng {m} năm {y}",
        "basis_item": "Căn cứ {doc};",
        "lead_in": "{issuer} tiến hành rà soát, đánh giá tình hình thực hiện mục tiêu chất "
                   "lượng {period} (số liệu tính đến ngày {as_of}) với kết quả như sau:",
        "lead_in_plain": "Kết quả rà soát, đánh giá tình hình thực hiện mục tiêu chất lượng "
                         "{period} (số liệu tính đến ngày {as_of}) như sau:",
        "no_town_list": "[Sổ kỳ báo cáo chưa có danh sách mục tiêu của {scope}: bảng dưới đây "
                        "liệt kê mục tiêu của từng đơn vị. Điền danh sách mục tiêu rồi lập "
                        "lại báo cáo.]",
        "scope_default": "đơn vị tổng hợp",
        "units_listed": "Bảng dưới đây liệt kê mục tiêu của từng đơn vị.",
        # one row of the table
        "as_of": "tính đến ngày {d}, ",
        "multi": "có {a}/{b} chỉ tiêu đạt và vượt kế hoạch đề ra",
        "multi_fail": ", có {n} chỉ tiêu không đạt, gồm: {items}",
        "multi_progress": ", có {n} chỉ tiêu đang thực hiện ({detail})",
        "multi_no_data": ", có {n} chỉ tiêu chưa có số liệu: {items}",
        "multi_undet": ", có {n} chỉ tiêu chưa xác định được kết quả: {items}",
        "progress_part": "{n} {status}",
        "progress_items": "{n} {status}: {items}",
        "single": "{text}: {figures} ({verdict})",
        "single_plain": "{text}: {verdict}",
        "single_own": "{figures} ({verdict})",
        "single_plain_own": "{verdict}",
        "by_unit": "Theo báo cáo của {unit}: ",
        "lead": "Theo báo cáo của {unit}: {verdict}.",
        "figures": "kết quả {r}, chỉ tiêu {t}",
        "of_plan": ", đạt {p} kế hoạch",
        "self": ", theo đơn vị tự đánh giá",
        "item_unit": "{text} ({figures})",
        "missing_unit": "{unit} chưa nộp báo cáo",
        "missing_row": "báo cáo của {unit} không có chỉ tiêu này",
        "gap": "[Chưa đánh giá được: {why}.]",
        "gap_no_indicators": "mục tiêu chưa có chỉ tiêu giao cho đơn vị và chưa có đơn vị chủ trì",
        "gap_lead_missing": "{unit} (đơn vị chủ trì) chưa nộp báo cáo",
        "gap_lead_objective_missing": "báo cáo của {unit} không có mục tiêu {code}",
        "unit_prefix": "{unit}: {text}",
        "more": " và {n} {what} khác",
        "items_w": "chỉ tiêu", "units_w": "đơn vị", "objectives_w": "mục tiêu",
        "rows_more": "[Còn {n} mục tiêu khác của các đơn vị: xem sổ tổng hợp.]",
        # conclusion
        "conclusion": "Như vậy, {when} có {headline} so với kế hoạch đề ra{others}.",
        "conclusion_all": "Như vậy, {when} {headline}.",
        "others": "; trong đó {parts}",
        "others_progress": "{n} mục tiêu đang thực hiện ({codes})",
        "others_no_data": "{n} mục tiêu chưa đủ số liệu để đánh giá ({codes})",
        "none": "[Chưa có mục tiêu nào để kết luận.]",
        # the units
        "units": "Về báo cáo của các cơ quan, đơn vị: tổng số {n} đơn vị phải báo cáo, đã "
                 "nhận báo cáo của {m} đơn vị",
        "units_late": " ({k} đơn vị nộp muộn: {names})",
        "units_missing": "; còn {l} đơn vị chưa nộp báo cáo: {names}",
        "units_all_in": "; tất cả các đơn vị đã nộp báo cáo",
        "units_extra": "; ngoài ra có {x} báo cáo của đơn vị ngoài danh sách: {names}",
        "units_rejected": "; {r} tệp không sử dụng được do sai mẫu hoặc lỗi",
        "bands": "Kết quả xếp loại các đơn vị{prov}: {counts} (chi tiết tại Phụ lục kèm "
                 "theo).",
        "bands_prov": " (tạm tính, vì là kết quả giữa năm so với chỉ tiêu cả năm)",
        "band_count": "{n} đơn vị {band}",
        "risk": " Có {r} chỉ tiêu có nguy cơ không đạt và {b} chỉ tiêu chậm tiến độ so với "
                "thời gian đã qua của năm.",
        "held": "Các đơn vị chưa đạt mức xếp loại cao hơn: {items}.",
        "held_item": "{name} ({band}, chưa đạt mức {next} vì {why})",
        "closing": "Trên đây là Báo cáo kết quả thực hiện Mục tiêu chất lượng {period}{of}./.",
        "closing_of": " của {issuer}",
        "annex_ref": "(Kèm theo Báo cáo số {number} ngày {date}{of})",
        "annex_of": " của {issuer}",
        "annex_more": "Còn {n} đơn vị khác: xem trang Xếp hạng đơn vị của sổ tổng hợp.",
        "note_late": "Nộp muộn",
        "note_missing": "Chưa nộp báo cáo",
        "note_extra": "Ngoài danh sách",
        "when_year": "trong năm", "when_h1": "trong 6 tháng đầu năm",
        "when_m9": "trong 9 tháng đầu năm", "when_q": "trong {q}",
        "period_year": "năm {y}", "period_h1": "6 tháng đầu năm {y}",
        "period_m9": "9 tháng đầu năm {y}", "period_q": "{q} năm {y}",
    },
    "en": {
        "subject": "Results of the quality objectives for {period}",
        "date": "{d} {month} {y}",
        "basis_item": "Pursuant to {doc};",
        "lead_in": "{issuer} has reviewed the implementation of the quality objectives for "
                   "{period} (figures as of {as_of}), with the following results:",
        "lead_in_plain": "The implementation of the quality objectives for {period} (figures "
                         "as of {as_of}) has been reviewed, with the following results:",
        "no_town_list": "[The round workbook has no list of the objectives of {scope}: the "
                        "table lists each unit's objectives. Fill in the list and write the "
                        "report again.]",
        "scope_default": "the town",
        "units_listed": "The table lists each unit's objectives.",
        "as_of": "as of {d}, ",
        "multi": "{a}/{b} indicators achieved or exceeded",
        "multi_fail": "; {n} not achieved: {items}",
        "multi_progress": "; {n} in progress ({detail})",
        "multi_no_data": "; {n} without data: {items}",
        "multi_undet": "; {n} undetermined: {items}",
        "progress_part": "{n} {status}",
        "progress_items": "{n} {status}: {items}",
        "single": "{text}: {figures} ({verdict})",
        "single_plain": "{text}: {verdict}",
        "single_own": "{figures} ({verdict})",
        "single_plain_own": "{verdict}",
        "by_unit": "As {unit} reports: ",
        "lead": "As {unit} reports, the objective was {verdict}.",
        "figures": "result {r}, target {t}",
        "of_plan": ", {p} of plan",
        "self": ", by the unit's self-assessment",
        "item_unit": "{text} ({figures})",
        "missing_unit": "{unit} has not reported",
        "missing_row": "not in {unit}'s return",
        "gap": "[Cannot be judged: {why}.]",
        "gap_no_indicators": "no indicator is assigned and no lead unit is named",
        "gap_lead_missing": "{unit} (the lead unit) has not reported",
        "gap_lead_objective_missing": "{unit}'s return has no objective {code}",
        "unit_prefix": "{unit}: {text}",
        "more": " and {n} other {what}",
        "items_w": "indicators", "units_w": "units", "objectives_w": "objectives",
        "rows_more": "[{n} more objectives of the units: see the summary workbook.]",
        "conclusion": "In all, {when}, {headline}{others}.",
        "conclusion_all": "In all, {when}, {headline}.",
        "others": "; of these, {parts}",
        "others_progress": "{n} are in progress ({codes})",
        "others_no_data": "{n} lack data to be judged ({codes})",
        "none": "[No objective to conclude on.]",
        "units": "The units' reports: expected {n}, received {m}",
        "units_late": " ({k} late: {names})",
        "units_missing": "; not reported: {l} ({names})",
        "units_all_in": "; every unit has reported",
        "units_extra": "; reports from units outside the register: {x} ({names})",
        "units_rejected": "; files that could not be used (wrong template or errors): {r}",
        "bands": "Unit bands{prov}: {counts} (details in the Annex).",
        "bands_prov": " (provisional: part-year results against annual targets)",
        "band_count": "{n} {band}",
        "risk": " {r} indicators are at risk of not being achieved and {b} are behind the "
                "share of the year elapsed.",
        "held": "Units held back from the next band: {items}.",
        "held_item": "{name} ({band}; not {next} because of {why})",
        "closing": "This is the report on the results of the quality objectives for "
                   "{period}{of}./.",
        "closing_of": " of {issuer}",
        "annex_ref": "(Attached to Report No. {number} of {date}{of})",
        "annex_of": " of {issuer}",
        "annex_more": "{n} more units: see the Unit ranking sheet of the summary.",
        "note_late": "Late",
        "note_missing": "Not reported",
        "note_extra": "Not in the register",
        "when_year": "in the year", "when_h1": "in the first half of the year",
        "when_m9": "in the first nine months", "when_q": "in {q}",
        "period_year": "{y}", "period_h1": "the first half of {y}",
        "period_m9": "the first nine months of {y}", "period_q": "{q} {y}",
    },
}

# Verdicts as the seed's sentences say them ("86,2% (không đạt so với mục tiêu đề ra)");
# one not yet decided says where it stands ("đang thực hiện, có nguy cơ không đạt").
VERDICT: dict[str, dict[str, str]] = {
    "vi": {"vuot": "vượt so với mục tiêu đề ra", "dat": "đạt so với mục tiêu đề ra",
           "khong_dat": "không đạt so với mục tiêu đề ra",
           "dang_thuc_hien": "đang thực hiện", "chua_co_so_lieu": "chưa có số liệu",
           "khong_xac_dinh": "chưa xác định được kết quả"},
    "en": {"vuot": "exceeded", "dat": "achieved", "khong_dat": "not achieved",
           "dang_thuc_hien": "in progress", "chua_co_so_lieu": "no data",
           "khong_xac_dinh": "undetermined"},
}
PROGRESS: dict[str, dict[str, str]] = {
    "vi": {"dung_tien_do": "đúng tiến độ", "cham_tien_do": "chậm tiến độ",
           "nguy_co": "có nguy cơ không đạt"},
    "en": {"dung_tien_do": "on track", "cham_tien_do": "behind schedule",
           "nguy_co": "at risk"},
}
QUARTERS: dict[str, tuple[str, str]] = {
    "q1": ("quý I", "the first quarter"), "q2": ("quý II", "the second quarter"),
    "q3": ("quý III", "the third quarter"), "q4": ("quý IV", "the fourth quarter"),
}
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def form(lang: str) -> dict[str, str]:
    i = 1 if lang == "en" else 0
    return {k: v[i] for k, v in FORM.items()}


def placeholders(lang: str) -> dict[str, str]:
    i = 1 if lang == "en" else 0
    return {k: v[i] for k, v in PLACEHOLDERS.items()}
