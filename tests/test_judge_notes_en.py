"""The judge's notes in English (``qmo_excel.judge.notes_en``) and where they are shown."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from click.testing import CliRunner
from fixtures_results import empty_round, ind
from test_checks import make, run, with_obj
from test_judge_audit import CASES as AUDIT_CASES
from test_judge_families import CASES as FAMILY_CASES
from test_judge_issue15 import CASES as ISSUE15_CASES
from test_judge_results_seeds import CASES as RESULT_CASES
from test_judge_targets_seeds import CASES as TARGET_CASES
from test_judge_timeline import CASES as TIMELINE_CASES

from qmo_excel.cli import main
from qmo_excel.judge import (
    HIGHER,
    explain,
    judge,
    note_in,
    notes_in,
    read_result,
    read_target,
    read_timeline,
    render_text,
    render_timeline,
)
from qmo_excel.judge import notes_en as N
from qmo_excel.judge import targets as T
from qmo_excel.judge.results import Result
from qmo_excel.judge.targets import Target
from qmo_excel.summary import sheets

VI_LETTERS = re.compile("[ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]")
# A quoted part: an opening quote not inside a word ("indicator's" is not one), to the next
# quote that does not start a word.
QUOTED = re.compile(r"(?<!\w)'[^']*'(?!\w)|\"[^\"]*\"")

# Beyond the seeds: inputs that make the judge write each of its other notes.
# (target, target options, result, period)
EXTRA: list[tuple[object, dict[str, str], object, str]] = [
    ("trên 95%", {"direction": "lung tung"}, "96%", "kỳ lạ"),
    (date(2023, 3, 1), {}, "96%", "year"),
    (95, {}, 96, "year"),
    (None, {}, "96%", "year"),
    ("#REF!", {}, "96%", "year"),
    ("như năm trước", {}, "96%", "year"),
    ("trước hạn 40%, đúng hạn 60%", {}, "trước hạn 52%", "year"),
    ("trước hạn 40%, đúng hạn 60%", {}, "52%", "year"),
    ("trước hạn 40%, đúng hạn 60%", {}, "khá", "year"),
    ("dưới 5%", {"direction": "higher_is_better"}, "4%", "year"),
    ("2%", {"indicator": "Tỷ lệ hộ nghèo"}, "1,8%", "year"),
    ("95", {"indicator": "Tỷ lệ hồ sơ giải quyết đúng hạn"}, "96", "year"),
    ("> 110 lao động, trong đó 10-15 người", {}, "125 lao động", "year"),
    ("15-14%", {}, "14,5%", "year"),
    ("87,030", {}, "87,030", "year"),
    ("87,030 hồ sơ", {}, "87.100 hồ sơ", "year"),
    ("sinh con thứ 3 trở lên giảm còn dưới 25%", {}, "24%", "year"),
    ("giảm 1% trở lên", {}, "tăng 0,5%", "year"),
    ("giảm 1%", {}, "1,2%", "year"),
    ("vượt chỉ tiêu cấp trên giao từ 5-10%", {}, "107%", "year"),
    ("vượt chỉ tiêu cấp trên giao từ 5-10%", {}, "Đạt", "year"),
    ("từ 86%", {}, "90%", "year"),
    ("1%", {"indicator": "Tỷ lệ hộ nghèo giảm"}, "giảm 1,2%", "year"),
    ("10%", {"indicator": "Doanh thu tăng"}, "tăng 12%", "year"),
    ("trên 95%", {}, date(2023, 5, 1), "year"),
    ("trên 95%", {}, 0.96, "year"),
    ("trên 95%", {}, "0,96", "year"),
    ("0% hồ sơ trễ hạn", {}, "Không có hồ sơ trễ hạn", "year"),
    ("trên 95%", {}, "Đã hoàn thành tốt các nhiệm vụ được giao trong năm nay", "year"),
    ("trên 95%", {}, "khá", "year"),
    ("trên 95%", {}, "Đạt, không đạt", "year"),
    ("trên 95%", {}, "98,5% (1.234/1.253 hồ sơ)", "year"),
    ("trên 95%", {}, "ước đạt 96%", "year"),
    ("trên 95%", {}, "86,2% (đạt)", "year"),
    ("trên 95%", {}, "96 hồ sơ", "year"),
    ("trên 95%", {}, "vượt 0,3%", "year"),
    ("trên 95%", {}, "80%", "h1"),
    ("trên 95%", {}, "Đạt", "year"),
    ("900 lao động", {}, "950/1000 lao động", "year"),
    ("900 lao động", {}, "113%", "year"),
    ("900 lao động", {}, "đạt 113% kế hoạch", "year"),
    ("100%", {}, "162/168", "year"),
    ("31/38 trường, tỷ lệ 81,6%", {}, "31/38 trường", "year"),
    ("31/38 trường", {}, "32 trường", "year"),
    ("81,6%", {}, "62/76", "year"),
    ("0% hồ sơ trễ hạn", {}, "0 hồ sơ trễ hạn", "year"),
    ("1.100 tỷ đồng", {}, "1.250.000 triệu đồng", "year"),
    ("1.100 tỷ đồng", {}, "1.150 ha", "year"),
    ("Tập thể Lao động xuất sắc", {}, "Đề nghị công nhận", "year"),
    ("Xếp loại Tốt", {}, "Xếp loại Tốt", "year"),
    ("Không để xảy ra sai sót", {}, "Không có sai sót", "year"),
    ("Giảm tỷ lệ người sinh con thứ 3 trở lên", {}, "Đã giảm", "year"),
    ("Giảm tỷ lệ người sinh con thứ 3 trở lên", {}, "5,2%", "year"),
    ("Hạn chế sai sót trong giải quyết hồ sơ", {}, "Không xảy ra sai sót", "year"),
    ("Không tham nhũng, lãng phí", {}, "Phát hiện 02 vụ", "year"),
]
EXTRA_TIMELINES = ["Trước 15/6 và 15/12, định kỳ hàng quý", "Theo kế hoạch", "sớm"]


def _walk(target: object, result: object, period: str = "year",
          **options: str) -> list[str]:
    """Every note of reading ``target`` and ``result`` and judging them."""
    t: Target = read_target(target, **options)  # type: ignore[arg-type]
    r: Result | None = read_result(result, t)  # type: ignore[arg-type]
    # a result read without its target (as a caller may): unit-less numbers stay so
    bare = read_result(result, None) if isinstance(result, str) else None
    out = [*t.notes, *(n for p in t.parts for n in p.notes)]
    for x in (r, bare):
        if x is not None:
            out += [*x.notes, *(n for p in x.parts for n in p.notes)]
            j = judge(t, x, period=period)
            out += [*j.notes, *(n for p in j.parts for n in p.notes)]
    out += judge(t, None).notes
    return out


def all_notes() -> set[str]:
    notes: set[str] = set()
    for text, indicator, *_ in TARGET_CASES:
        notes.update(_walk(text, None, indicator=indicator))
    for result, target, indicator, period, *_ in RESULT_CASES:
        unit = "%" if isinstance(target, float) else ""
        notes.update(_walk(target, result, period, indicator=indicator, unit=unit))
    for target, result, indicator, *_ in FAMILY_CASES:
        notes.update(_walk(target, result, indicator=indicator))
        notes.update(_walk(target, result, "6 tháng", indicator=indicator))
    for target, options, result, period in EXTRA:
        notes.update(_walk(target, result, period, **options))
    for indicator, target, result, period, *_ in AUDIT_CASES:
        notes.update(_walk(target, result, period, indicator=indicator))
    for indicator, target, result, period, *_ in ISSUE15_CASES:
        notes.update(_walk(target, result, period, indicator=indicator))
    # a fraction target from a number cell against a percent result
    notes.update(_walk(0.95, "96%", unit="%"))
    for text, year, *_ in TIMELINE_CASES:
        notes.update(read_timeline(text, year).notes)
    for text in EXTRA_TIMELINES:
        notes.update(read_timeline(text, 2023).notes)
    return notes


def _unquoted(text: str) -> str:
    return QUOTED.sub("", text)


def test_every_note_of_the_judge_has_an_english_translation(
        monkeypatch: pytest.MonkeyPatch) -> None:
    notes = all_notes()
    # "Theo tên chỉ tiêu" is for an indicator whose name says higher is better: no word of
    # the indicator lists says so today, so one is made up (read uncached: no stale reading).
    monkeypatch.setattr(T, "from_indicator",
                        lambda text: (HIGHER, "strong") if "zzz" in text else (None, ""))
    notes.update(T._read_target("95%", "Chỉ số zzz", "", None).notes)
    assert len(notes) > 60
    for n in sorted(notes):
        en = note_in(n, "en")
        assert en != n, f"no English for: {n!r}"
        assert not VI_LETTERS.search(_unquoted(en).lower()), (n, en)
        assert "{" not in en and "}" not in en, en
        assert note_in(n, "vi") == n
    # every line of the table is a note the judge really writes (no stale entries)
    unused = [vi for (pattern, _, _), (vi, _) in zip(N._COMPILED, N.TABLE, strict=True)
              if not any(pattern.fullmatch(n) for n in notes)]
    assert unused == []


@pytest.mark.parametrize(("vi", "en"), [
    ("Số '87,030' có thể là 87.030 (dấu phẩy hàng nghìn) hoặc 87,03: chưa chắc chắn",
     "The number '87,030' may be 87,030 (comma as thousands separator) or 87.03 "
     "(decimal comma): uncertain"),
    ("31/38 trường = 81,58%", "31/38 'trường' = 81.58%"),
    ("162/168 = 96,43%", "162/168 = 96.43%"),
    ("Ô có 2 chỉ tiêu: đánh giá từng chỉ tiêu",
     "The cell holds 2 targets: each one is judged separately"),
    ("Làm tròn 81.579 như chỉ tiêu (1 chữ số thập phân) thì đạt",
     "Rounded like the target (1 decimal place), 81.579 achieves it"),
    ("Làm tròn 81.579 như chỉ tiêu (2 chữ số thập phân) thì đạt",
     "Rounded like the target (2 decimal places), 81.579 achieves it"),
    ("Kết quả tự ghi 'Không đạt' khác với kết quả tính được",
     "The result itself says 'Not achieved', which differs from the computed verdict"),
    ("Kết quả chỉ so được với chỉ tiêu 'trước hạn 40%'",
     "The result could only be compared with the target 'trước hạn 40%'"),
    ("Ô chỉ tiêu là lỗi công thức Excel (#REF!): hãy ghi mức cần đạt, ví dụ \"trên 95%\"",
     "The target cell is an Excel formula error (#REF!): write the level to reach, "
     "e.g. \"trên 95%\""),
    ("Kết quả tính trên tổng 38 trường", "Result taken out of the total of 38 'trường'"),
    ("Từ tỷ lệ % kế hoạch đã ghi (104.6%)", "From the stated % of plan (104.6%)"),
    ("Ô còn số khác (7,5, 2025): coi là điều kiện, không phải chỉ tiêu",
     "The cell has other numbers ('7,5', '2025'): taken as conditions, not targets"),
])
def test_inserted_parts_are_carried_over(vi: str, en: str) -> None:
    assert note_in(vi, "en") == en
    assert note_in(vi, "vi") == vi


def test_unknown_notes_and_languages_come_back_unchanged() -> None:
    for n in ("Kết quả bằng lời: dùng tự đánh giá của đơn vị", "", "Chưa có kết quả nào",
              "x Chưa có kết quả", "{oops} }{"):
        assert note_in(n, "en") == n
    assert note_in("Chưa có kết quả", "fr") == "Chưa có kết quả"
    assert notes_in(["Chưa có kết quả", "?"], "en") == ["No result yet", "?"]
    assert notes_in(("Chưa có kết quả",), "vi") == ["Chưa có kết quả"]


def _cli(*args: str) -> str:
    res = CliRunner().invoke(main, ["explain", *args])
    assert res.exit_code == 0, res.output
    return res.output


def test_explain_shows_notes_in_english_and_keeps_vietnamese_and_json() -> None:
    args = ("trên 95%", "0,96")
    data = explain(*args)
    vi_notes = [*data["target"]["notes"], *data["result"]["notes"], *data["notes"]]
    assert "Ô số dạng phần trăm của Excel (0,96 = 96%)" in vi_notes
    vi, en = _cli(*args), _cli(*args, "--lang", "en")
    assert vi == render_text(data, "vi") + "\n"
    for n in vi_notes:
        assert f"- {n}\n" in vi
        assert n not in en
        assert f"- {note_in(n, 'en')}\n" in en
    assert "- Excel percentage cell (0.96 = 96%)\n" in en
    assert not VI_LETTERS.search(_unquoted(en).lower()), en
    # JSON keeps the judge's notes as they are, whatever the language
    assert json.loads(_cli(*args, "--json", "--lang", "en")) == json.loads(_cli(*args, "--json"))


def test_explain_composite_and_timeline_notes_in_english() -> None:
    en = _cli("trước hạn 40%, đúng hạn 60%", "52%", "--lang", "en")
    assert "- The cell holds 2 targets: each one is judged separately\n" in en
    assert "- It is unclear which target in the cell the result answers\n" in en
    assert "đánh giá từng chỉ tiêu" not in en
    data = read_timeline("Theo kế hoạch", 2023).to_dict()
    assert render_timeline(data, "en").endswith("  - No date given")
    assert render_timeline(data, "vi").endswith("  - Không có mốc thời gian")
    assert "- No date given" in _cli("--timeline", "Theo kế hoạch", "--lang", "en")


def _uncertain(lang: str) -> str:
    probs = run(make(objectives=with_obj(target="87,030 hồ sơ", result=None)))
    found = [p for p in probs if p.code == "target-uncertain"]
    assert len(found) == 1, [(p.code, p.message) for p in probs]
    return found[0].message_in(lang)


def test_target_uncertain_message_carries_english_notes() -> None:
    en, vi = _uncertain("en"), _uncertain("vi")
    assert en.startswith("Target \"87,030 hồ sơ\" was read as: ")
    assert ("The number '87,030' may be 87,030 (comma as thousands separator) or 87.03 "
            "(decimal comma): uncertain.") in en
    assert "dấu phẩy hàng nghìn" not in en
    assert "Số '87,030' có thể là 87.030 (dấu phẩy hàng nghìn) hoặc 87,03: chưa chắc chắn." in vi


def test_summary_indicator_notes_follow_the_workbook_language() -> None:
    notes = ["Ô có 2 chỉ tiêu: đánh giá từng chỉ tiêu", "Số ước tính",
             "Kết quả bằng lời: dùng tự đánh giá của đơn vị"]
    result = empty_round()
    result.indicators = [ind("U", "1", "1.1", "Tỷ lệ hồ sơ", "trước hạn 40%, đúng hạn 60%",
                             "ước đạt 52%", "dat", 100.0, notes=notes)]
    vi_rows = list(sheets.indicators(result, "vi").rows)
    en_rows = list(sheets.indicators(result, "en").rows)
    assert vi_rows[0][-1] == "; ".join(notes)
    assert en_rows[0][-1] == ("The cell holds 2 targets: each one is judged separately; "
                              "Estimated figure; Kết quả bằng lời: dùng tự đánh giá của đơn vị")
    assert result.indicators[0].notes == notes  # the data itself stays Vietnamese
