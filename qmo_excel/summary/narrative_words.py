"""The narrative's sentences in Vietnamese and English (the style of seed 002), declared
once: ``T[lang][key]`` with placeholders, the verdict phrases and the town's scopes."""

from __future__ import annotations

T: dict[str, dict[str, str]] = {
    "vi": {
        "intro": "Căn cứ báo cáo của các cơ quan, đơn vị, {town} tổng hợp kết quả thực hiện "
                 "mục tiêu chất lượng {period} (số liệu tính đến ngày {as_of}) như sau:",
        "intro_notown": "Tổng hợp kết quả thực hiện mục tiêu chất lượng {period} (số liệu "
                        "tính đến ngày {as_of}) như sau:",
        "intake": "Tổng số {n} đơn vị phải báo cáo, đã nhận {m} báo cáo ({k} nộp muộn)",
        "missing": ", còn {l} đơn vị chưa nộp: {names}.",
        "all_in": ", tất cả các đơn vị đã nộp báo cáo.",
        "extra": " Ngoài ra có {x} báo cáo của đơn vị ngoài danh sách: {names}.",
        "rejected": " Có {r} tệp không sử dụng được do sai mẫu hoặc lỗi (xem trang Tiếp nhận).",
        "scope_ind": "{scope} có {a}/{b} chỉ tiêu đạt và vượt kế hoạch đề ra (trong đó "
                     "{c} chỉ tiêu vượt)",
        "not_ach": ", {n} chỉ tiêu không đạt",
        "in_prog": ", {n} chỉ tiêu đang thực hiện",
        "no_data": ", {n} chỉ tiêu chưa có số liệu",
        "undet": ", {n} chỉ tiêu không xác định được kết quả",
        "score": ". Điểm bình quân của các đơn vị đạt {s} điểm.",
        "obj_fail": "Đối với mục tiêu của các đơn vị, có {x}/{y} mục tiêu chưa đạt so với kế "
                    "hoạch đề ra",
        "obj_all": "Đối với mục tiêu của các đơn vị, {y}/{y} mục tiêu đều đạt và vượt kế "
                   "hoạch đề ra.",
        "town_head": "Kết quả thực hiện các mục tiêu chất lượng của {town}:",
        "town_head_plain": "Kết quả thực hiện các mục tiêu chất lượng chung:",
        "town_office": " (theo các mục tiêu trong báo cáo của {unit})",
        "town_multi": "- Mục tiêu {code} ({text}): có {a}/{b} chỉ tiêu đạt và vượt kế hoạch "
                      "đề ra",
        "town_single": "- Mục tiêu {code} ({text}): {item}, theo báo cáo của {unit}, "
                       "{figures}({verdict} so với mục tiêu đề ra)",
        "town_lead": "- Mục tiêu {code} ({text}): theo báo cáo của {unit}, {figures}({verdict} "
                     "so với mục tiêu đề ra)",
        "town_gap": "- Mục tiêu {code} ({text}): chưa đánh giá được ({why})",
        "town_fail": "Như vậy, trong kỳ có {x}/{y} mục tiêu chưa đạt so với kế hoạch đề ra "
                     "({codes})",
        "town_all": "Như vậy, {y}/{y} mục tiêu đều đạt và vượt kế hoạch đề ra",
        "town_missing": "chưa nộp báo cáo",
        "town_missing_row": "báo cáo không có chỉ tiêu này",
        "bands": "Xếp loại các đơn vị theo điểm và điều kiện (mô phỏng Quy định 366-QĐ/TW "
                 "năm 2025, Điều 11){prov}: {counts}.",
        "bands_prov": ", tạm tính vì là kết quả giữa năm so với chỉ tiêu cả năm",
        "band_count": "{n} đơn vị {band}",
        "held": "Các đơn vị chưa đạt mức xếp loại cao hơn:",
        "held_item": "- {name}: {band}, chưa đạt mức {next} vì {why};",
        "risk": " Có {r} chỉ tiêu có nguy cơ không đạt và {b} chỉ tiêu chậm tiến độ so với "
                "thời gian đã qua của năm{units}.",
        "risk_units": " (tại {names})",
        "unit_band": "- Xếp loại: {band}; chưa đạt mức {next} vì {why}.",
        "obj_prog": "; {z} mục tiêu đang thực hiện",
        "obj_nodata": "; {w} mục tiêu chưa đủ số liệu để đánh giá",
        "objs_of": "mục tiêu số {codes}",
        "unit_head": "{i}. {name} ({code}): {score}có {oa}/{ot} mục tiêu đạt; {a}/{b} chỉ "
                     "tiêu đạt và vượt kế hoạch đề ra.",
        "unit_score": "điểm {s} – {band}; ",
        "obj_multi": "- Mục tiêu {code} ({text}): có {a}/{b} chỉ tiêu đạt và vượt kế hoạch "
                     "đề ra",
        "obj_multi_fail": ", có {n} chỉ tiêu không đạt, gồm: {items}",
        "obj_multi_other": ", {n} chỉ tiêu {what}: {items}",
        "obj_single": "- Mục tiêu {code} ({text}): {figures}({verdict} so với mục tiêu đề ra)",
        "obj_plain": "- Mục tiêu {code} ({text}): {verdict} so với mục tiêu đề ra",
        "figures": "kết quả {r}, chỉ tiêu {t}",
        "of_plan": ", đạt {p} kế hoạch",
        "self": ", theo đơn vị tự đánh giá",
        "unit_obj": "Như vậy, trong kỳ có {x}/{y} mục tiêu chưa đạt so với kế hoạch đề ra",
        "unit_obj_ok": "Như vậy, các mục tiêu đều đạt và vượt kế hoạch đề ra.",
        "tasks": "Kế hoạch thực hiện: {d}/{t} nhiệm vụ đã hoàn thành",
        "tasks_late": " ({n} nhiệm vụ hoàn thành muộn)",
        "tasks_over": "; {n} nhiệm vụ quá hạn tính đến ngày {d}: {items}.",
        "tasks_none": "; không có nhiệm vụ quá hạn.",
        "due": " (hạn {d})",
        "more": " và {n} {what} khác",
        "rest": "Còn {n} đơn vị khác: xem chi tiết tại trang Xếp hạng đơn vị.",
        "close": "Trong thời gian tới, đề nghị {who} rà soát nguyên nhân, có giải pháp khắc "
                 "phục để đạt các mục tiêu theo kế hoạch đề ra",
        "close_who": "các cơ quan, đơn vị có mục tiêu chưa đạt ({names})",
        "close_all": "các cơ quan, đơn vị tiếp tục duy trì có hiệu quả các mục tiêu đã đạt",
        "close_miss": "; các đơn vị chưa nộp báo cáo khẩn trương gửi báo cáo về Văn phòng",
        "close_over": "; các đơn vị có nhiệm vụ quá hạn khẩn trương hoàn thành",
        "close_end": "; đồng thời tiếp tục duy trì có hiệu quả các mục tiêu đã đạt.",
        "units_w": "đơn vị", "items_w": "chỉ tiêu", "tasks_w": "nhiệm vụ",
        "in_progress_w": "đang thực hiện", "no_data_w": "chưa có số liệu",
        "undet_w": "không xác định được",
        "scope_default": "Các đơn vị",
        "period_year": "năm {y}", "period_other": "{p} năm {y}",
    },
    "en": {
        "intro": "Based on the units' reports, {town} summarises the results of the quality "
                 "objectives for {period} (figures as of {as_of}):",
        "intro_notown": "Results of the quality objectives for {period} (figures as of "
                        "{as_of}):",
        "intake": "{n} units had to report; {m} reports were received ({k} late)",
        "missing": "; {l} units have not reported: {names}.",
        "all_in": "; every unit has reported.",
        "extra": " {x} reports came from units outside the register: {names}.",
        "rejected": " {r} files could not be used (wrong template or errors; see Intake).",
        "scope_ind": "{scope}: {a}/{b} indicators achieved or exceeded their targets ({c} "
                     "exceeded)",
        "not_ach": ", {n} not achieved",
        "in_prog": ", {n} in progress",
        "no_data": ", {n} without data",
        "undet": ", {n} undetermined",
        "score": ". The average unit score is {s}.",
        "obj_fail": "Of the units' own objectives, {x}/{y} were not achieved",
        "obj_all": "Of the units' own objectives, all {y}/{y} were achieved.",
        "town_head": "The quality objectives of {town}:",
        "town_head_plain": "The town's quality objectives:",
        "town_office": " (the objectives of {unit}'s return)",
        "town_multi": "- Objective {code} ({text}): {a}/{b} indicators achieved or exceeded",
        "town_single": "- Objective {code} ({text}): {item}, as {unit} reports, "
                       "{figures}({verdict})",
        "town_lead": "- Objective {code} ({text}): as {unit} reports, {figures}({verdict})",
        "town_gap": "- Objective {code} ({text}): cannot be judged ({why})",
        "town_fail": "In all, {x}/{y} objectives were not achieved ({codes})",
        "town_all": "In all, {y}/{y} objectives were achieved",
        "town_missing": "has not reported",
        "town_missing_row": "not in its return",
        "bands": "Unit bands by score and conditions (after Regulation 366-QĐ/TW of 2025, "
                 "Article 11){prov}: {counts}.",
        "bands_prov": ", provisional: part-year results against annual targets",
        "band_count": "{n} {band}",
        "held": "Units held back from the next band:",
        "held_item": "- {name}: {band}, not {next} because of {why};",
        "risk": " {r} indicators are at risk of not being achieved and {b} are behind the "
                "share of the year elapsed{units}.",
        "risk_units": " (in {names})",
        "unit_band": "- Band: {band}; not {next} because of {why}.",
        "obj_prog": "; {z} objectives are in progress",
        "obj_nodata": "; {w} objectives lack data to be judged",
        "objs_of": "objectives no. {codes}",
        "unit_head": "{i}. {name} ({code}): {score}{oa}/{ot} objectives achieved; {a}/{b} "
                     "indicators achieved or exceeded.",
        "unit_score": "score {s} – {band}; ",
        "obj_multi": "- Objective {code} ({text}): {a}/{b} indicators achieved or exceeded",
        "obj_multi_fail": ", {n} not achieved: {items}",
        "obj_multi_other": ", {n} {what}: {items}",
        "obj_single": "- Objective {code} ({text}): {figures}({verdict})",
        "obj_plain": "- Objective {code} ({text}): {verdict}",
        "figures": "result {r}, target {t}",
        "of_plan": ", {p} of plan",
        "self": ", by the unit's self-assessment",
        "unit_obj": "In all, {x}/{y} objectives were not achieved",
        "unit_obj_ok": "In all, every objective was achieved.",
        "tasks": "Plan: {d}/{t} tasks done",
        "tasks_late": " ({n} done late)",
        "tasks_over": "; {n} tasks overdue as of {d}: {items}.",
        "tasks_none": "; no task is overdue.",
        "due": " (due {d})",
        "more": " and {n} other {what}",
        "rest": "{n} more units: see the Unit ranking sheet.",
        "close": "Going forward, {who} should review the causes and take measures to reach "
                 "the planned objectives",
        "close_who": "the units with objectives not achieved ({names})",
        "close_all": "all units should keep up the objectives achieved",
        "close_miss": "; units that have not reported should send their reports to the office",
        "close_over": "; units with overdue tasks should complete them",
        "close_end": "; and all units should keep up the objectives achieved.",
        "units_w": "units", "items_w": "indicators", "tasks_w": "tasks",
        "in_progress_w": "in progress", "no_data_w": "without data",
        "undet_w": "undetermined",
        "scope_default": "All units",
        "period_year": "the year {y}", "period_other": "{p} {y}",
    },
}


VERDICT_PHRASE = {
    "vi": {"vuot": "vượt", "dat": "đạt", "khong_dat": "không đạt",
           "dang_thuc_hien": "đang thực hiện", "chua_co_so_lieu": "chưa có số liệu",
           "khong_xac_dinh": "chưa xác định được kết quả"},
    "en": {"vuot": "exceeded", "dat": "achieved", "khong_dat": "not achieved",
           "dang_thuc_hien": "in progress", "chua_co_so_lieu": "no data",
           "khong_xac_dinh": "undetermined"},
}


SCOPES = (("thị xã", "Toàn thị xã"), ("thành phố", "Toàn thành phố"), ("huyện", "Toàn huyện"),
          ("tỉnh", "Toàn tỉnh"), ("phường", "Toàn phường"), ("xã", "Toàn xã"))
