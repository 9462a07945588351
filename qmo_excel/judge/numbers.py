"""Reading numbers written the Vietnamese way, with their context.

Rules (a dot groups thousands and a comma marks decimals, but sources mix both):

- both separators ("1.246,695", "1,246.695"): the last one is the decimal mark;
- several of one separator in groups of three ("1.100.000"): thousands;
- one separator followed by other than three digits ("99,9", "0,8", "99.5"): decimals;
- one dot followed by three digits ("1.100"): thousands (the Vietnamese convention);
- one comma followed by three digits ("87,030"): read as a decimal comma but *ambiguous*
  (it may be a thousands comma); the alternative value is kept so readers can say so.
  A leading "0," is never ambiguous.

``scan`` finds the numbers of a text with what follows them (%, scale word), whether they
are a ratio "a/b", and flags numbers that are not quantities: ordinals ("thứ 3"), ages
("dưới 5 tuổi"), levels ("mức độ 3, 4"), years, dates, document numbers, ISO numbers and
per-denominators ("giường bệnh/trên 10.000 dân").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

SCALES: dict[str, float] = {
    "nghìn tỷ": 1e12,
    "ngàn tỷ": 1e12,
    "vạn": 1e4,
    "nghìn": 1e3,
    "ngàn": 1e3,
    "triệu": 1e6,
    "tỷ": 1e9,
    "tỉ": 1e9,
}

_TOKEN = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])|(?<![\w.,])\d+(?:[.,]\d+)*(?=[^\W\d])")
_AFTER = re.compile(
    r"\s*(‰|%o(?!\w)|phần nghìn|phần ngàn)|\s*(%|(?:điểm\s+)?phần trăm|điểm\s*%)"
    r"|\s+(nghìn tỷ|ngàn tỷ|vạn|nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)"
)
# A sign written against its number: "(-3,5%)", ": -1,2%", "âm 2%"; not the dash of a range
# ("7-8%", "07 - 09") nor a list dash.
_SIGN_DASH = re.compile(r"(?:^|[\s(:;,=])-$")
_SIGN_WORD = re.compile(r"(?:^|\s|\()âm\s*$")


@dataclass(frozen=True)
class ParsedNumber:
    value: float
    alternative: float | None  # the other reading when the separator is ambiguous
    ambiguous: bool


def is_finite(value: float) -> bool:
    """A number a float holds (not NaN, not infinite, not an integer past 1e308)."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def parse_number(raw: str) -> ParsedNumber:
    """Read one numeric token such as "1.246,695", "99,9", "01" (raises ValueError).

    A token no float can hold (400 nines) is not a number: it would be infinity, which
    no verdict, percentage or spreadsheet cell can carry."""
    got = _parse_number(raw)
    if not math.isfinite(got.value) or (got.alternative is not None
                                        and not math.isfinite(got.alternative)):
        raise ValueError(f"too large: {raw[:40]!r}")
    return got


def _parse_number(raw: str) -> ParsedNumber:
    s = raw.strip()
    if not s or not s[0].isdigit():
        raise ValueError(f"not a number: {raw!r}")
    if "." in s and "," in s:
        last = max(s.rfind("."), s.rfind(","))
        thousands = "," if s[last] == "." else "."
        head = s[:last]
        if s[last] in head:
            raise ValueError(f"mixed separators: {raw!r}")
        groups = head.split(thousands)
        if any(len(g) != 3 for g in groups[1:]):
            raise ValueError(f"bad grouping: {raw!r}")
        return ParsedNumber(float("".join(groups) + "." + s[last + 1 :]), None, False)
    sep = "," if "," in s else "." if "." in s else None
    if sep is None:
        return ParsedNumber(float(s), None, False)
    groups = s.split(sep)
    if len(groups) > 2:
        if all(len(g) == 3 for g in groups[1:]):
            return ParsedNumber(float("".join(groups)), None, False)
        raise ValueError(f"bad grouping: {raw!r}")
    head, tail = groups
    decimal = float(head + "." + tail)
    if len(tail) != 3 or (int(head) == 0 and len(head) == 1):
        return ParsedNumber(decimal, None, False)
    thousands_value = float(head + tail)
    if sep == ".":
        return ParsedNumber(thousands_value, decimal, False)
    return ParsedNumber(decimal, thousands_value, True)


def format_number_vi(value: float, decimals: int = 0) -> str:
    """Format the Vietnamese way: 1246.695 -> "1.246,695" (dot thousands, comma decimals)."""
    text = f"{abs(value):,.{decimals}f}"
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return ("-" if value < 0 and float(text.replace(".", "").replace(",", ".")) else "") + text


@dataclass
class Num:
    """A number found in a text, with its surroundings."""

    value: float
    raw: str
    start: int
    end: int  # end of the number including "%" or the scale word
    percent: bool = False
    scale: str = ""
    ambiguous: bool = False
    alternative: float | None = None
    denominator: float | None = None  # set when written "a/b"
    noise: str = ""  # why this number is not a quantity ("" when it is one)
    permille: bool = False  # "13,4‰", "13,4%o": per thousand
    negative: bool = False  # written with a sign: "(-3,5%)", "âm 2%"

    @property
    def ratio_percent(self) -> float | None:
        if self.denominator:
            return self.value / self.denominator * 100
        return None


_YEAR = re.compile(r"^(19[5-9]\d|20\d\d|2100)$")
_NOISE_BEFORE = [
    (re.compile(r"(?:thứ|hạng|lần thứ)\s*$"), "ordinal"),
    (re.compile(r"(?:mức độ|mức|cấp độ|loại|nhóm|khu vực|tổ|khối|lớp|ca|khóa)\s*$"), "level"),
    (re.compile(r"(?:iso|tcvn|iso)\s*(?:9001)?\s*:?\s*$"), "standard"),
    (
        re.compile(
            r"(?:(?:quyết định|nghị quyết|kế hoạch|văn bản|công văn|thông báo) số|điều|khoản"
            r"|phụ lục|chương|nghị định|thông tư|quyết định)\s*$"
        ),
        "ref",
    ),
    (re.compile(r"(?:ngày|hôm)\s*$"), "date"),
    (re.compile(r"/\s*(?:trên\s*)?$"), "per"),
    (re.compile(r"(?:tháng|quý)\s*$"), "period"),
]
_NOISE_AFTER = [
    (re.compile(r"^\s*tuổi"), "age"),
    (re.compile(r"^\s*/\s*\d{1,2}\s*/\s*\d{2,4}"), "date"),
    (re.compile(r"^\s*/\s*\d{4}(?!\d)"), "ref"),
    (re.compile(r"^\s*/\s*(?:qđ|nđ|tt|nq|kh|bc|ct|cv|ubnd|hđnd|tb)\b"), "ref"),
    (re.compile(r"^\s*:\s*20\d\d"), "standard"),
    (re.compile(r"^\s*(?:tháng|quý)\s+(?:đầu|cuối)"), "period"),
]


def scan(text: str) -> list[Num]:
    """All numbers of a normalised text, left to right, ratios joined, noise flagged."""
    low = text.lower()
    out: list[Num] = []
    for m in _TOKEN.finditer(low):
        raw = m.group(0)
        try:
            parsed = parse_number(raw)
        except ValueError:
            continue
        num = Num(
            parsed.value,
            raw,
            m.start(),
            m.end(),
            ambiguous=parsed.ambiguous,
            alternative=parsed.alternative,
        )
        after = _AFTER.match(low, m.end())
        if after:
            if after.group(1):
                num.permille = True
            elif after.group(2):
                num.percent = True
            else:
                num.scale = after.group(3)
            num.end = after.end()
        head = low[max(0, m.start() - 6) : m.start()]
        if _SIGN_WORD.search(head) or (
            _SIGN_DASH.search(head) and not re.search(r"[\d%]\s*-$", head)
        ):
            num.negative = True
        out.append(num)
    _join_ratios(low, out)
    _flag_noise(low, out)
    return out


_RATIO_SEP = re.compile(r"^\s*/\s*$")
# "2.345 hồ sơ đúng hạn/2.410 hồ sơ": the numerator's unit words before the slash
_RATIO_WORDS = re.compile(r"^\s*([^\W\d_]+(?:\s+[^\W\d_]+){0,5})\s*/\s*$")
_WORDS_AFTER = re.compile(r"\s*([^\W\d_]+(?:\s+[^\W\d_]+)?)")


def _same_noun(low: str, a: Num, b: Num) -> bool:
    """ "a hồ sơ đúng hạn/b hồ sơ": the words after b begin the words after a."""
    m = _RATIO_WORDS.match(low[a.end : b.start])
    after = _WORDS_AFTER.match(low, b.end)
    if not m or not after:
        return False
    head, tail = m.group(1).split(), after.group(1).split()
    if head[0] in ("trên", "dưới", "so", "và", "của", "đạt", "bằng"):
        return False
    # "hồ sơ đúng hạn/… hồ sơ", "ha/… ha kế hoạch"; not "bé trai/100 bé gái"
    return head[: len(tail)] == tail or (len(head) == 1 and head[0] == tail[0])


def _join_ratios(low: str, nums: list[Num]) -> None:
    i = 0
    while i < len(nums) - 1:
        a, b = nums[i], nums[i + 1]
        between = low[a.end : b.start]
        plain = _RATIO_SEP.match(between) and (not a.scale or a.scale == b.scale)
        worded = not plain and a.scale == b.scale and not a.percent and _same_noun(low, a, b)
        if (
            not a.percent
            and (plain or worded)
            and not _YEAR.match(b.raw)
            and b.value > 0
            and not re.match(r"\s*/", low[b.end : b.end + 3])
            and not re.search(r"(?:ngày|số|trước|sau|đến|từ)\s*$", low[: a.start])
        ):
            a.denominator = b.value
            a.end = b.end
            a.raw = low[a.start : b.end] if plain else f"{a.raw}/{b.raw}"
            if b.percent:
                a.percent = True
            del nums[i + 1]
        i += 1


# "bác sĩ/1 vạn dân", "giường bệnh trên 10.000 dân", "tử vong trên 1.000 trẻ đẻ sống": the
# population a rate is counted on, not a quantity (nor "trên" a comparator).
_PER_BEFORE = re.compile(r"(?:trên|/|mỗi|cho)\s*$")
_PER_AFTER = re.compile(
    r"^\s*(?:vạn|nghìn|ngàn)?\s*(?:dân\b|người dân|dân số|trẻ (?:em )?(?:đẻ|sinh)|trẻ sinh|ca sinh"
    r"|bé gái|phụ nữ|lượt sinh)"
)
_AGE_BEFORE = re.compile(r"(?:dưới|trên|từ|đủ|đến|tới|độ|ngoài|hơn|lứa|nhóm|-)\s*$")
# "tính đến 6/12", "đến hết 31/10": a day and month
_DAY_BEFORE = re.compile(r"(?:ngày|đến|tới|hết|trước|sau|từ)\s*$")
_DAY_AFTER = re.compile(r"^\s*/\s*(?:0?[1-9]|1[0-2])(?!\s*[\d,.])")
# "5 năm đạt hơn 1.500 tỷ đồng", "trong 3 tháng giải quyết 100%": a length of time, when a
# quantity follows
_SPAN_AFTER = re.compile(r"^\s*(?:năm|tháng|quý)\b(?!\s*(?:19|20)\d\d)(?!\s*/)")


def _flag_noise(low: str, nums: list[Num]) -> None:
    prev: Num | None = None
    for n in nums:
        before = low[max(0, n.start - 30) : n.start]
        after = low[n.end : n.end + 30]
        if n.percent or n.denominator or n.permille:
            pass
        elif _PER_BEFORE.search(before) and _PER_AFTER.match(after):
            n.noise = "per"
        elif _DAY_BEFORE.search(before) and _DAY_AFTER.match(after):
            n.noise = "date"

        elif _YEAR.match(n.raw) and not n.scale:
            n.noise = "year"
        else:
            for pattern, why in _NOISE_AFTER:
                if pattern.search(after):
                    if why == "age" and n.value >= 40 and not _AGE_BEFORE.search(before):
                        continue  # "tuổi thọ 74,5 tuổi": a life expectancy, not an age group
                    n.noise = why
                    break
            else:
                for pattern, why in _NOISE_BEFORE:
                    if pattern.search(before):
                        # "mức độ 3", "loại 1" are levels; "ở mức 32,16 triệu đồng" is a figure
                        if (why == "level" and re.search(r"(?<!\w)mức\s*$", before)
                                and (n.scale or n.value > 10 or n.value != int(n.value))):
                            continue
                        n.noise = why
                        break
        # "mức độ 3, 4" / "3 và 4": a number listed right after a noise number is noise
        if (
            not n.noise
            and prev is not None
            and prev.noise in ("ordinal", "level")
            and re.fullmatch(r"\s*(?:,|và|-)\s*", low[prev.end : n.start])
        ):
            n.noise = prev.noise
        prev = n
    for i, n in enumerate(nums):
        if (
            not n.noise
            and not (n.percent or n.denominator or n.permille or n.scale)
            and _SPAN_AFTER.match(low[n.end : n.end + 30])
            and any(not m.noise for m in nums[i + 1 :])
        ):
            n.noise = "period"


def quantities(nums: list[Num]) -> list[Num]:
    return [n for n in nums if not n.noise]
