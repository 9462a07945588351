"""The product's vocabularies, declared once: each a typed enumeration whose members are
their codes (``Verdict.DAT == "dat"``) and carry their Vietnamese and English words.

Records keep codes; words are looked up where something is shown (``label(lang)``).
Rules that are about the vocabulary alone live here too: what counts as achieved, the
end and elapsed share of a period, and when a unit's self-assessment disagrees with the
computed verdict.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

LANGS = ("vi", "en")


class Word(StrEnum):
    """A code with its words. ``Verdict("dat").label("en") == "Achieved"``."""

    vi: str
    en: str

    def __new__(cls, code: str, vi: str = "", en: str = "") -> Self:
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.vi = vi
        obj.en = en
        return obj

    def label(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi

    @classmethod
    def get(cls, code: object) -> Self | None:
        """The member of a code, None for an empty or unknown one."""
        try:
            return cls(str(code)) if code else None
        except ValueError:
            return None

    @classmethod
    def label_of(cls, code: object, lang: str = "vi") -> str:
        """The word of a code; '' for no code, the code itself when unknown."""
        if not code:
            return ""
        member = cls.get(code)
        return member.label(lang) if member is not None else str(code)

    @classmethod
    def words(cls) -> tuple[tuple[str, str, str], ...]:
        return tuple((m.value, m.vi, m.en) for m in cls)


class Verdict(Word):
    VUOT = "vuot", "Vượt", "Exceeded"
    DAT = "dat", "Đạt", "Achieved"
    KHONG_DAT = "khong_dat", "Không đạt", "Not achieved"
    DANG_THUC_HIEN = "dang_thuc_hien", "Đang thực hiện", "In progress"
    CHUA_CO_SO_LIEU = "chua_co_so_lieu", "Chưa có số liệu", "No data"
    KHONG_XAC_DINH = "khong_xac_dinh", "Không xác định", "Undetermined"


ACHIEVED: frozenset[str] = frozenset({Verdict.VUOT, Verdict.DAT})
# The verdicts a unit may give itself (the template's dropdown).
SELF_ASSESSMENTS = (Verdict.VUOT, Verdict.DAT, Verdict.KHONG_DAT, Verdict.DANG_THUC_HIEN)


class Progress(Word):
    """Where a part-year result stands against an annual target."""

    DUNG_TIEN_DO = "dung_tien_do", "Đúng tiến độ", "On track"
    CHAM_TIEN_DO = "cham_tien_do", "Chậm tiến độ", "Behind schedule"
    NGUY_CO = "nguy_co", "Có nguy cơ không đạt", "At risk"


class Period(Word):
    Q1 = "q1", "Quý I", "Quarter I"
    Q2 = "q2", "Quý II", "Quarter II"
    H1 = "h1", "6 tháng", "Half year"
    Q3 = "q3", "Quý III", "Quarter III"
    M9 = "m9", "9 tháng", "Nine months"
    Q4 = "q4", "Quý IV", "Quarter IV"
    YEAR = "year", "Năm", "Year"

    @property
    def end(self) -> tuple[int, int]:
        """(month, day) of the period's last day."""
        return _PERIOD_END[self.value]

    @property
    def slug(self) -> str:
        """The period in a file name, in Vietnamese words without diacritics."""
        return _PERIOD_SLUG[self.value]


_PERIOD_END = {"q1": (3, 31), "q2": (6, 30), "h1": (6, 30), "q3": (9, 30), "m9": (9, 30),
               "q4": (12, 31), "year": (12, 31)}
_PERIOD_SLUG = {"q1": "quy-1", "q2": "quy-2", "h1": "6-thang", "q3": "quy-3",
                "m9": "9-thang", "q4": "quy-4", "year": "nam"}


class Band(Word):
    XUAT_SAC = "xuat_sac", "Hoàn thành xuất sắc", "Excellent"
    TOT = "tot", "Hoàn thành tốt", "Good"
    HOAN_THANH = "hoan_thanh", "Hoàn thành", "Completed"
    KHONG_HOAN_THANH = "khong_hoan_thanh", "Không hoàn thành", "Not completed"


class Fate(Word):
    """What became of a file in the folder (the intake register)."""

    USED = "used", "Sử dụng", "Used"
    SUPERSEDED = "superseded", "Bị thay thế", "Superseded"
    DUPLICATE = "duplicate", "Trùng lặp", "Duplicate"
    REJECTED = "rejected", "Bị từ chối", "Rejected"
    IGNORED = "ignored", "Bỏ qua", "Ignored"


class Severity(Word):
    ERROR = "error", "Lỗi", "Error"
    WARNING = "warning", "Cảnh báo", "Warning"
    INFO = "info", "Lưu ý", "Note"


SEVERITY_ORDER = {Severity.ERROR.value: 0, Severity.WARNING.value: 1, Severity.INFO.value: 2}


class Category(Word):
    """What a problem is about."""

    FILE = "file", "Tệp", "File"
    STRUCTURE = "structure", "Cấu trúc", "Structure"
    DATA = "data", "Số liệu", "Data"


class Confidence(Word):
    CERTAIN = "certain", "Chắc chắn", "Certain"
    LIKELY = "likely", "Khá chắc", "Likely"
    UNCERTAIN = "uncertain", "Chưa chắc", "Uncertain"


class Source(Word):
    """Where an indicator's verdict came from."""

    COMPUTED = "computed", "Tính toán", "Computed"
    SELF_ASSESSMENT = "self_assessment", "Tự đánh giá", "Self-assessment"


def _side(verdict: str) -> str:
    if verdict in ACHIEVED:
        return "achieved"
    return {"khong_dat": "failed", "dang_thuc_hien": "progress"}.get(verdict, "")


def is_part_year(period: str) -> bool:
    """A quarter, half-year or nine-month round: its results are measured against annual
    targets, so an indicator can be in progress and a unit's band is provisional."""
    return bool(period) and period != Period.YEAR


def cumulative(target_unit: str, progress: str | None = None) -> bool:
    """Whether an indicator is an amount that adds up over the year (money, output,
    people) rather than a level (a rate, a share): the judge's progress status says so
    (on track or behind are said of amounts, at risk of levels); else a target in % is a
    level."""
    if progress in (Progress.DUNG_TIEN_DO, Progress.CHAM_TIEN_DO):
        return True
    return progress != Progress.NGUY_CO and "%" not in target_unit


def disagrees(own: str | None, verdict: str, progress: str | None = None, *,
              part_year: bool = False, cumulative: bool = False) -> bool:
    """Whether a unit's self-assessment contradicts the computed verdict (the one rule:
    the checks, the feedback, the indicator sheet, the ranking and the JSON use it).

    Only a decided verdict can be contradicted (not "no data" or "undetermined").
    Claiming "Đạt" for what was exceeded is modest, not wrong; claiming "Vượt" for a plain
    "Đạt", or any claim on the other side of achieved / not achieved / in progress, is a
    disagreement, except while the year runs (``part_year``, or a progress status from
    the judge): "Không đạt" for a level at risk of not being achieved, and "Đang thực
    hiện" for a ``cumulative`` indicator on its way (in progress, or already at its
    annual target), say what the figures say.
    """
    side = _side(verdict)
    if not own or not side or own == verdict:
        return False
    if own == Verdict.VUOT and verdict == Verdict.DAT:
        return True
    if own == Verdict.KHONG_DAT and verdict == Verdict.DANG_THUC_HIEN and \
            progress == Progress.NGUY_CO:
        return False
    if own == Verdict.DANG_THUC_HIEN and part_year and cumulative and \
            progress != Progress.NGUY_CO and side in ("achieved", "progress"):
        return False
    return _side(own) != side


class Words(str):
    """Text shown to users: its value is the Vietnamese, ``en`` the English.

    Records keep a ``Words`` where they would keep a sentence (a reason, a problem's
    parameter), so they never depend on the language of a run; the edge that shows them
    picks one (``in_lang``). Text made by formatting a ``Words`` is plain Vietnamese:
    build both languages at the leaves (``Words(vi, en)``).
    """

    en: str

    def __new__(cls, vi: str, en: str | None = None) -> Words:
        obj = super().__new__(cls, vi)
        obj.en = vi if en is None else en
        return obj

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        return (str(self), self.en)

    def pick(self, lang: str) -> str:
        return self.en if lang == "en" else str(self)


def in_lang(text: object, lang: str) -> str:
    """The text to show in ``lang``: a ``Words`` picks its language, other text is as is."""
    if isinstance(text, Words):
        return text.pick(lang)
    return "" if text is None else str(text)
