"""The judge's notes in English, for views shown to people in English.

The judge writes its notes in Vietnamese, and they stay so in its readings and in JSON
(they are data). ``note_in(note, "en")`` gives the English of one note: a table of
(Vietnamese template, English template) pairs, each Vietnamese template compiled once to
an anchored regular expression. A ``{name}`` in a template is a part the judge inserts:
quoted cell text is carried over as written (Vietnamese inside English quotes), numbers
written the Vietnamese way ("87.030", "81,58") are written the English way ("87,030",
"81.58"). A note not in the table comes back unchanged; nothing here raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

__all__ = ["TABLE", "note_in", "notes_in"]


def _same(s: str) -> str:
    return s


def _vn_number(s: str) -> str:
    """ "87.030" -> "87,030", "81,58" -> "81.58" (dot thousands, comma decimals swapped)."""
    return s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def _quote_each(s: str) -> str:
    """ "7,5, 10%" -> "'7,5', '10%'": raw numbers quoted, so a decimal comma reads as one."""
    return ", ".join(f"'{x}'" for x in s.split(", "))


def _places(s: str) -> str:
    return f"{s} decimal place" if s == "1" else f"{s} decimal places"


_WORDS = {
    "Vượt": "Exceeded",
    "Đạt": "Achieved",
    "Không đạt": "Not achieved",
    "Đang thực hiện": "In progress",
}

# Kinds of inserted parts, by placeholder name without trailing digits: (regex, to English).
_KINDS: dict[str, tuple[str, Callable[[str], str]]] = {
    "text": (r".*?", _same),  # cell text, units, quoted parts: carried over as written
    "num": (r"[-+]?\d[\d.]*(?:e[-+]?\d+)?", _same),  # Python-written numbers (":g", ".3f")
    "vn": (r"\?|-?\d[\d.]*(?:,\d+)?", _vn_number),  # Vietnamese-written numbers
    "int": (r"\d+", _same),
    "raws": (r".*?", _quote_each),  # raw numbers of the cell joined by ", "
    "places": (r"\d+", _places),
    "word": ("|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)),
             lambda s: _WORDS.get(s, s)),
}

# (the Vietnamese note as the judge writes it, its English). Order matters only where two
# templates could match the same note: the more specific comes first.
TABLE: list[tuple[str, str]] = [
    # targets.py
    ("Không hiểu chiều đánh giá '{text}': bỏ qua",
     "Direction '{text}' not understood: ignored"),
    ("Ô chỉ tiêu là ngày tháng: không đọc được",
     "The target cell holds a date: it cannot be read as a target"),
    ("Ô số: đọc đúng giá trị đã ghi", "Number cell: read exactly as entered"),
    ("Chưa có chỉ tiêu", "No target given"),
    ("Ô chỉ tiêu là lỗi công thức Excel ({text}): hãy ghi mức cần đạt, ví dụ \"trên 95%\"",
     "The target cell is an Excel formula error ({text}): write the level to reach, "
     "e.g. \"trên 95%\""),
    ("Chỉ tiêu chỉ dẫn chiếu tới nơi khác, không ghi mức cụ thể: hãy ghi mức cần đạt, "
     "ví dụ \"trên 95%\", \"14-15%\", \"1.100 tỷ đồng\"",
     "The target only refers to something written elsewhere and states no level: write the "
     "level to reach, e.g. \"trên 95%\", \"14-15%\", \"1.100 tỷ đồng\""),
    ("Ô có {int} chỉ tiêu: đánh giá từng chỉ tiêu",
     "The cell holds {int} targets: each one is judged separately"),
    ("Chiều đánh giá đã chọn ngược với cách ghi chỉ tiêu",
     "The chosen direction contradicts the way the target is written"),
    ("Càng thấp càng tốt (theo tên chỉ tiêu)", "Lower is better (from the indicator's name)"),
    ("Theo tên chỉ tiêu", "Direction taken from the indicator's name"),
    ("Ô còn số khác ({raws}): coi là điều kiện, không phải chỉ tiêu",
     "The cell has other numbers ({raws}): taken as conditions, not targets"),
    ("Khoảng ghi ngược (lớn trước nhỏ sau)", "Range written backwards (larger number first)"),
    ("Không ghi '%': coi là tỷ lệ % theo tên chỉ tiêu",
     "No '%' written: taken as a percentage, going by the indicator's name"),
    ("Số '{text}' có thể là {vn} (dấu phẩy hàng nghìn) hoặc {vn2}: chưa chắc chắn",
     "The number '{text}' may be {vn} (comma as thousands separator) or {vn2} "
     "(decimal comma): uncertain"),
    ("Mức cần đạt tới (không phải mức tăng/giảm)",
     "A level to reach (not an increase or a decrease)"),
    ("Giảm ít nhất mức này", "A decrease of at least this much"),
    ("Vượt so với chỉ tiêu được giao (tính theo % kế hoạch)",
     "An excess over the assigned target (measured as % of plan)"),
    ("'từ …' không có mức trên: coi là tối thiểu",
     "'từ …' (from) with no upper bound: taken as a minimum"),
    ("Tên chỉ tiêu ghi 'giảm': mức giảm cần đạt",
     "The indicator's name says 'giảm' (decrease): the target is the decrease to achieve"),
    ("Tên chỉ tiêu ghi 'tăng': mức tăng cần đạt",
     "The indicator's name says 'tăng' (increase): the target is the increase to achieve"),
    ("Tên chỉ tiêu ghi 'giảm' một điều cần giảm: coi số ghi là mức giảm (cũng có thể là mức "
     "cần đạt tới)",
     "The indicator's name says 'giảm' (reduce) of something to keep down: the number is "
     "taken as the reduction (it may also be the level to reach)"),
    # results.py
    ("Ô kết quả là ngày tháng: không đọc được thành số",
     "The result cell holds a date: it cannot be read as a number"),
    ("Ô số dạng phần trăm của Excel (0,96 = 96%)", "Excel percentage cell (0.96 = 96%)"),
    ("Số nhỏ hơn 1,5 cho chỉ tiêu %: coi là % như đã ghi (không phải phân số của Excel)",
     "A number below 1.5 for a % target: read as the % written (not an Excel fraction)"),
    ("Bằng {num}% so với kỳ trước: thay đổi {num2}%",
     "{num}% of the previous period's figure: a change of {num2}%"),
    ("'Không có/không để xảy ra': coi là 0",
     "'Không có/không để xảy ra' (none, none occurred): taken as 0"),
    ("Đánh giá theo lời văn của kết quả", "Judged from the wording of the result"),
    ("Không đọc được kết quả", "The result could not be read"),
    ("Kết quả ghi cả 'đạt' và 'không đạt': không dựa vào lời",
     "The result says both 'đạt' (achieved) and 'không đạt' (not achieved): its wording "
     "is not relied on"),
    ("Kết quả có nhiều số: lấy '{text}'", "The result has several numbers: '{text}' was used"),
    ("Số ước tính", "Estimated figure"),
    ("Số '{text}' có thể dùng dấu phẩy hàng nghìn: chưa chắc chắn",
     "The number '{text}' may use a comma as the thousands separator: uncertain"),
    ("Tỷ số a/b: lấy a là kết quả", "Ratio a/b: a is taken as the result"),
    ("{num}/{num2} = {vn}%", "{num}/{num2} = {vn}%"),
    ("{num}/{num2} {text} = {vn}%", "{num}/{num2} '{text}' = {vn}%"),
    # compare.py
    ("Chỉ tiêu ghi dạng phân số (0,95 = 95%)", "Target written as a fraction (0.95 = 95%)"),
    ("Kết quả tính trên tổng {num} {text}", "Result taken out of the total of {num} '{text}'"),
    ("Kết quả bằng 0: coi là 0%", "The result is 0: taken as 0%"),
    ("Kết quả tính bằng '{text}', chỉ tiêu tính bằng %: không so sánh được",
     "The result is in '{text}' but the target is in %: they cannot be compared"),
    ("Kết quả không ghi '%': coi là %", "No '%' in the result: taken as a percentage"),
    ("Kết quả ghi % cho chỉ tiêu số lượng: coi là % kế hoạch",
     "Result given in % for a quantity target: taken as % of plan"),
    ("Đổi kết quả từ '{text}' sang '{text2}'", "Result converted from '{text}' to '{text2}'"),
    ("Đơn vị khác nhau ('{text}' và '{text2}'): so sánh số",
     "Different units ('{text}' and '{text2}'): the numbers are compared as written"),
    ("Từ tỷ lệ % kế hoạch đã ghi ({num}%)", "From the stated % of plan ({num}%)"),
    ("Chỉ tiêu càng thấp càng tốt: % kế hoạch hiểu là chỉ tiêu/kết quả",
     "Lower is better: the % of plan is taken as target / result"),
    ("Ghi 'đạt 100% kế hoạch' cho chỉ tiêu 'trên/dưới': coi là đạt",
     "'đạt 100% kế hoạch' (100% of plan) against a strict 'trên/dưới' (above/below) "
     "target: taken as achieved"),
    ("Chỉ tiêu tính theo '{text}', kết quả theo '{text2}': quy về một năm để so sánh",
     "The target is per '{text}' and the result per '{text2}': both converted to a year "
     "to compare"),
    ("Tính từ mức vượt/thiếu so với chỉ tiêu",
     "Computed from the stated margin over or under the target"),
    ("Làm tròn {num} như chỉ tiêu ({places} chữ số thập phân) thì đạt",
     "Rounded like the target ({places}), {num} achieves it"),
    ("Kết quả đi ngược chiều chỉ tiêu", "The result goes the opposite way to the target"),
    ("Kết quả ghi mức đạt tới (còn …), chỉ tiêu ghi mức tăng/giảm: không so sánh được",
     "The result gives the level reached ('còn …'), the target an increase or decrease: "
     "they cannot be compared"),
    ("Kết quả không ghi 'tăng/giảm': coi số ghi là mức thay đổi",
     "The result does not say 'tăng/giảm' (increase/decrease): the number is taken as the "
     "change"),
    ("Coi kết quả là % so với chỉ tiêu được giao", "Result taken as % of the assigned target"),
    ("Chỉ tiêu tính theo mức được giao: cần kết quả dạng % kế hoạch",
     "The target is relative to the assigned plan: the result must be given as % of plan"),
    # results.py, targets.py: issue 15 (the plan itself, negation, signs)
    ("'Chưa có/không có … đạt': coi là 0, chưa đạt",
     "'Chưa có/không có … đạt' (none reached it): taken as 0, not achieved"),
    ("'Chưa thực hiện/chưa triển khai': coi là 0",
     "'Chưa thực hiện/chưa triển khai' (not done yet): taken as 0"),
    ("'Cơ bản đạt/hoàn thành cơ bản': chưa đạt đầy đủ",
     "'Cơ bản đạt/hoàn thành cơ bản' (basically achieved): not fully achieved"),
    ("Số % không ghi so với gì: coi là % kế hoạch",
     "The percentage does not say of what: taken as the share of plan"),
    ("Số âm: {num}", "A negative figure: {num}"),
    ("Giảm so với cùng kỳ: tăng trưởng âm ({num})",
     "A fall on the same period of last year: a negative growth ({num})"),
    ("Kết quả/kế hoạch: {num}/{num2} = {vn}%", "Result/plan: {num}/{num2} = {vn}%"),
    ("Chỉ tiêu là chính kế hoạch được giao: đánh giá theo % kế hoạch mà kết quả ghi",
     "The target is the assigned plan itself: judged by the share of plan the result states"),
    ("Chỉ tiêu 'không để xảy ra/không còn': mức tối đa là 0",
     "A target of none at all ('không để xảy ra/không còn'): at most 0"),
    # timeline.py
    ("Có mốc thời gian và lặp lại: lấy mốc thời gian",
     "Both dates and a recurrence are given: the dates are used"),
    ("Không có mốc thời gian", "No date given"),
    # verdict.py
    ("Không hiểu kỳ báo cáo '{text}': coi là cả năm",
     "Reporting period '{text}' not understood: taken as the full year"),
    ("Chưa có kết quả", "No result yet"),
    ("Kết quả giữa năm so với chỉ tiêu cả năm: đang thực hiện, chưa phải không đạt",
     "Mid-year result against an annual target: in progress, not yet a failure"),
    ("Số việc xảy ra trong kỳ còn dưới mức tối đa cả năm: cần xem lại khi có số liệu cả năm",
     "Events so far are under the annual ceiling: review it when the full-year figures "
     "are in"),
    ("Số việc xảy ra đã vượt mức tối đa cả năm: không đạt dù chưa hết năm",
     "Events so far already exceed the annual ceiling: not achieved, though the year is "
     "not over"),
    ("Chỉ tiêu có mức cho từng kỳ: so với mức cả năm",
     "The target has a level for each period: compared with the full-year level"),
    ("Chỉ tiêu có mức riêng cho kỳ báo cáo: so sánh trực tiếp",
     "The target has its own level for the reporting period: compared directly"),
    ("Kết quả ghi % kế hoạch của chính kỳ báo cáo: so sánh trực tiếp",
     "The result states its share of the reporting period's own plan: compared directly"),
    ("Kết quả/kế hoạch ghi trong kết quả: {vn}/{vn2}",
     "Result/plan, both written in the result: {vn}/{vn2}"),
    ("Chỉ tiêu ghi cho chính kỳ báo cáo: so sánh trực tiếp",
     "The target is for the reporting period itself: compared directly"),
    ("Chỉ tiêu dạng mức (tỷ lệ, bình quân) chưa đạt giữa năm và đơn vị tự ghi 'không đạt': "
     "giữ 'không đạt', có nguy cơ không đạt cả năm",
     "A level (a rate, an average) short of its target at part of the year, and the unit "
     "wrote 'không đạt' (not achieved): kept as not achieved, at risk for the year"),
    ("Chỉ tiêu dạng mức (tỷ lệ, bình quân): chưa đạt mức cả năm nên có nguy cơ không đạt",
     "A level (a rate, an average) short of the annual target: at risk of not being "
     "achieved"),
    ("Chỉ tiêu cộng dồn: đạt {vn}% kế hoạch năm, thời gian đã qua {vn2}% năm: đúng tiến độ",
     "A cumulative indicator: {vn}% of the annual plan reached with {vn2}% of the year "
     "elapsed: on track"),
    ("Chỉ tiêu cộng dồn: đạt {vn}% kế hoạch năm, thời gian đã qua {vn2}% năm: chậm tiến độ",
     "A cumulative indicator: {vn}% of the annual plan reached with {vn2}% of the year "
     "elapsed: behind schedule"),
    ("Số liệu cho '{word}' nhưng % kế hoạch ghi trong kết quả ({vn}%) cho '{word2}': theo % "
     "kế hoạch",
     "The figure gives '{word}' but the share of plan the result states ({vn}%) gives "
     "'{word2}': the share of plan is used"),
    ("Chỉ tiêu 'không để xảy ra' nhưng kết quả ghi có: cần xem có đúng loại việc chỉ tiêu "
     "nêu không",
     "A target of none at all, and the result reports some: check they are the kind of "
     "event the target names"),
    ("Chỉ tiêu càng thấp càng tốt: % kế hoạch hiểu là mức hoàn thành kế hoạch (100% trở lên "
     "là đạt)",
     "Lower is better: the share of plan is taken as how far the plan was fulfilled (100% "
     "or more achieves it)"),
    ("Kết quả ghi % của nhiều kế hoạch cho kết quả khác nhau: lấy % của '{text}'",
     "The result states shares of several plans that give different verdicts: the share "
     "of '{text}' is used"),
    ("Kết quả ghi 'chỉ đạt/mới đạt': chưa đạt kế hoạch",
     "The result says 'chỉ đạt/mới đạt' (only reached): the plan was not reached"),
    ("Chỉ tiêu là kế hoạch (không ghi mức) nhưng kết quả không ghi % kế hoạch hay mức "
     "vượt/thiếu: không so sánh được",
     "The target is the plan (no level written) and the result states neither a share of "
     "plan nor a margin over or under it: they cannot be compared"),
    ("Chỉ tiêu càng thấp càng tốt: thấp hơn kế hoạch là tốt",
     "Lower is better: below the plan is better"),
    ("'Vượt {vn}%' có thể là bằng {vn2}% hoặc {vn3}% kế hoạch: dù vậy đều là vượt",
     "'Vượt {vn}%' (exceeded by) may mean {vn2}% or {vn3}% of plan: exceeded either way"),
    ("Tỷ số a/b so với kế hoạch: có thể là số đạt trên tổng số, chưa chắc là kết quả trên kế "
     "hoạch",
     "A ratio a/b against the plan: it may be the number achieved out of a total rather than "
     "the result out of the plan"),
    ("Kết quả vượt qua mức 'trên/dưới' của chỉ tiêu: văn bản có thể ghi 'Đạt' hoặc 'Vượt'",
     "The result is beyond the target's 'above/below' bound: documents write 'Đạt' "
     "(achieved) or 'Vượt' (exceeded) for this"),
    ("Chi ngân sách vượt dự toán chưa chắc là tốt: cần xem lại",
     "Budget spending over its estimate is not plainly better: to be checked"),
    ("'Xuất siêu': không nhập siêu, coi tỷ lệ nhập siêu là 0",
     "'Xuất siêu' (trade surplus): no trade deficit, so the deficit share is taken as 0"),
    ("Tỷ lệ 100% (hoặc 0% khi càng thấp càng tốt) đạt mọi kế hoạch",
     "A rate of 100% (or 0% when lower is better) meets any plan"),
    ("Tính từ mức vượt/thiếu so với kế hoạch",
     "Computed from the margin over or under the plan"),
    ("Có {int} chỉ tiêu thành phần chưa đạt: không đạt",
     "{int} sub-indicator(s) not achieved: not achieved"),
    ("{int}/{num} chỉ tiêu thành phần đạt", "{int} of {num} sub-indicators achieved"),
    ("Mọi chỉ tiêu thành phần đều đạt", "Every sub-indicator achieved"),
    ("Theo đánh giá bằng lời của kết quả", "Based on the verdict written in the result"),
    ("Không đọc được chỉ tiêu", "The target could not be read"),
    ("Chỉ tiêu định tính nhưng kết quả không ghi Đạt/Không đạt",
     "Qualitative target, but the result does not say 'Đạt' or 'Không đạt' "
     "(achieved or not)"),
    ("Kết quả ghi đúng như chỉ tiêu", "The result repeats the target word for word"),
    ("Kết quả ghi đã làm việc chỉ tiêu nêu",
     "The result says the task the target names was done"),
    ("'Không/Chưa' cho chỉ tiêu có/không: chưa đạt",
     "'Không/Chưa' (no, not yet) against a yes/no target: not achieved"),
    ("Không xảy ra: đạt chỉ tiêu giảm/không để xảy ra",
     "None occurred: a target to reduce or prevent is achieved"),
    ("Theo chiều tăng/giảm ghi trong kết quả",
     "From the increase or decrease written in the result"),
    ("Chỉ tiêu không để xảy ra nhưng kết quả ghi có xảy ra",
     "The target is that none occur, but the result reports some"),
    ("Theo % kế hoạch đã ghi trong kết quả", "From the % of plan stated in the result"),
    ("Hồ sơ trước hạn cũng là đúng hạn: so sánh cộng dồn (trước hạn; trước hạn + đúng hạn)",
     "Files done early are also on time: compared cumulatively (early; early + on time)"),
    ("Hồ sơ trước hạn cũng là đúng hạn: so sánh cộng dồn (trước hạn; trước hạn + đúng hạn) "
     "cho thấy chưa đạt",
     "Files done early are also on time: compared cumulatively (early; early + on time), "
     "the target is not reached"),
    ("'Hơn/trên' một mức là cao hơn mức đó một chút",
     "'Hơn/trên' (more than) a figure is just over that figure"),
    ("'Gần' một mức là thấp hơn mức đó một chút",
     "'Gần' (nearly) a figure is just under that figure"),
    ("Theo mức xếp loại ghi trong kết quả so với chỉ tiêu",
     "From the rating written in the result compared with the target's"),
    ("Kết quả chỉ ghi 'Hoàn thành', chỉ tiêu là một mức xếp loại: chưa chắc đạt mức đó",
     "The result only says 'Hoàn thành' (done) and the target is a rating: whether that "
     "rating was reached is not sure"),
    ("Không so sánh được", "Cannot be compared"),
    ("Kết quả tự ghi '{word}' khác với kết quả tính được",
     "The result itself says '{word}', which differs from the computed verdict"),
    ("Kết quả chỉ so được với chỉ tiêu '{text}'",
     "The result could only be compared with the target '{text}'"),
    ("Không rõ kết quả ứng với chỉ tiêu nào trong ô",
     "It is unclear which target in the cell the result answers"),
]

_PLACEHOLDER = re.compile(r"\{([a-z]+)(\d*)\}")


def _compile(template: str) -> tuple[re.Pattern[str], dict[str, Callable[[str], str]]]:
    """An anchored pattern for a Vietnamese template, and each part's conversion."""
    out: list[str] = []
    convert: dict[str, Callable[[str], str]] = {}
    pos = 0
    for m in _PLACEHOLDER.finditer(template):
        out.append(re.escape(template[pos : m.start()]))
        name = m.group(1) + m.group(2)
        regex, conv = _KINDS[m.group(1)]
        out.append(f"(?P<{name}>{regex})")
        convert[name] = conv
        pos = m.end()
    out.append(re.escape(template[pos:]))
    return re.compile("".join(out), re.DOTALL), convert


_COMPILED = [(*_compile(vi), en) for vi, en in TABLE]


@lru_cache(maxsize=8192)
def _english(note: str) -> str:
    for pattern, convert, en in _COMPILED:
        m = pattern.fullmatch(note)
        if m:
            parts = {k: convert[k](v) for k, v in m.groupdict().items()}
            return en.format(**parts)
    return note


def note_in(note: str, lang: str) -> str:
    """``note`` in ``lang``: unchanged for "vi" (and any other language), English for "en".

    A note not in the table comes back unchanged; nothing raises.
    """
    if lang != "en" or not isinstance(note, str):
        return note
    try:
        return _english(note)
    except Exception:  # a template mistake must never stop a report
        return note


def notes_in(notes: Iterable[str], lang: str) -> list[str]:
    """Each of ``notes`` in ``lang`` (see ``note_in``)."""
    return [note_in(n, lang) for n in notes]
