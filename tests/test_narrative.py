"""The drafted narrative: the phrasing of seed 002, figures in Vietnamese number format."""

from __future__ import annotations

import unicodedata

from fixtures_results import empty_round, seed_round

from qmo_excel.summary.narrative import draft_narrative


def _text(lang: str = "vi") -> str:
    return "\n".join(draft_narrative(seed_round(), lang=lang))


def test_town_paragraphs() -> None:
    paras = draft_narrative(seed_round())
    assert paras[1].startswith("Tổng số 5 đơn vị phải báo cáo, đã nhận 4 báo cáo (1 nộp muộn), "
                               "còn 1 đơn vị chưa nộp: UBND xã Hương Thọ.")
    # the town's own objectives first, as seed 002 reports them
    assert paras[2] == "Kết quả thực hiện các mục tiêu chất lượng của UBND thị xã Hương Trà:"
    assert [p[:14] for p in paras[3:7]] == [f"- Mục tiêu {n} (" for n in range(1, 5)]
    assert paras[7] == ("Như vậy, trong kỳ có 3/4 mục tiêu chưa đạt so với kế hoạch đề ra "
                        "(mục tiêu số 1, 2, 3).")
    assert paras[8].startswith("Toàn thị xã có 15/22 chỉ tiêu đạt và vượt kế hoạch đề ra")
    assert "Điểm bình quân của các đơn vị đạt 82,7 điểm" in paras[8]
    # then the units' bands, naming those held back and why
    assert paras[9] == ("Xếp loại các đơn vị theo điểm và điều kiện (mô phỏng Quy định "
                        "366-QĐ/TW năm 2025, Điều 11): 01 đơn vị Hoàn thành xuất sắc, 03 "
                        "đơn vị Không hoàn thành.")
    assert paras[10] == "Các đơn vị chưa đạt mức xếp loại cao hơn:"
    assert paras[11] == ("- UBND thị xã Hương Trà: Không hoàn thành, chưa đạt mức Hoàn "
                         "thành vì 4/14 chỉ tiêu không đạt (28,6%; tối đa 20%), gồm: 1.1, "
                         "1.2, 2.1, 3.1;")
    assert paras[12].endswith("1/3 chỉ tiêu chưa đạt (33,3%; tối đa 20%), gồm: chưa có số "
                              "liệu 1.2;")
    assert paras[13].endswith(".")
    assert paras[14].startswith("Đối với mục tiêu của các đơn vị, có 4/9 mục tiêu chưa đạt")
    assert "UBND thị xã Hương Trà: mục tiêu số 1, 2, 3" in paras[14]


def test_town_objectives_name_the_unit_and_the_lead() -> None:
    text = _text()
    assert ("- Mục tiêu 2 (Rà soát, đơn giản hóa thủ tục hành chính trong tiếp nhận, thụ lý, "
            "thẩm định, giải quyết hồ sơ thủ tục hành chính của tổ chức, công dân): tỷ lệ hồ "
            "sơ TTHC giải quyết đúng hạn, theo báo cáo của UBND thị xã Hương Trà, kết quả "
            "86,2%, chỉ tiêu trên 95%, đạt 90,7% kế hoạch (không đạt so với mục tiêu đề "
            "ra);") in text
    assert ("theo báo cáo của UBND thị xã Hương Trà, kết quả 162/168, chỉ tiêu 100%, đạt "
            "96,4% kế hoạch (không đạt so với mục tiêu đề ra);") in text
    assert "tốc độ tăng trưởng giá trị sản xuất (UBND thị xã Hương Trà: kết quả 12%" in text


def test_without_town_objectives_the_narrative_says_what_is_missing() -> None:
    result = seed_round()
    result.town_objectives, result.town_basis, result.town_gap = [], "", "no_list"
    paras = draft_narrative(result)
    assert paras[2].startswith("Chưa có danh sách mục tiêu của thị xã")
    assert "«Mục tiêu của thị xã»" in paras[2]


def test_seed_002_phrasing() -> None:
    text = _text()
    assert ("có 09/11 chỉ tiêu đạt và vượt kế hoạch đề ra, có 02 chỉ tiêu không đạt, gồm: "
            "tốc độ tăng trưởng giá trị sản xuất (kết quả 12%, chỉ tiêu 14-15%") in text
    assert "thu nhập bình quân đầu người (kết quả 43,5 triệu đồng/người/năm" in text
    assert "kết quả 86,2%, chỉ tiêu trên 95%" in text
    assert "không đạt so với mục tiêu đề ra" in text
    assert "kết quả 162/168, chỉ tiêu 100%, đạt 96,4% kế hoạch" in text
    assert "3/4 mục tiêu chưa đạt" in text
    assert "(mục tiêu số 1, 2, 3)" in text


def test_overdue_tasks_and_closing() -> None:
    paras = draft_narrative(seed_round())
    text = "\n".join(paras)
    assert ("01 nhiệm vụ quá hạn tính đến ngày 30/11/2021: Rà soát quy trình giải quyết TTHC "
            "(hạn 30/06/2021)") in text
    assert paras[-1].startswith("Trong thời gian tới, đề nghị các cơ quan, đơn vị có mục "
                                "tiêu chưa đạt (UBND thị xã Hương Trà, Phòng Tài chính - Kế "
                                "hoạch)")
    assert "chưa nộp báo cáo" in paras[-1]


def test_nfc_and_deterministic() -> None:
    a, b = draft_narrative(seed_round()), draft_narrative(seed_round())
    assert a == b
    assert all(unicodedata.is_normalized("NFC", p) for p in a)


def test_english() -> None:
    text = _text("en")
    assert "15/22 indicators achieved or exceeded" in text
    assert "objectives no. 1, 2, 3" in text
    assert "86,2%" in text  # results are quoted as written
    assert "96.4% of plan" in text


def test_empty_round() -> None:
    paras = draft_narrative(empty_round())
    assert paras[1].startswith("Tổng số 0 đơn vị phải báo cáo, đã nhận 0 báo cáo")
    assert paras[-1]
