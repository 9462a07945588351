"""A verdict and what decided it (``Judgement``, the bases with their labels)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Judgement:
    verdict: str
    percent_of_plan: float | None
    confidence: str
    notes: list[str] = field(default_factory=list)
    parts: list[Judgement] = field(default_factory=list)
    # part-year only: "dung_tien_do" | "cham_tien_do" | "nguy_co" (see progress.PROGRESS)
    progress: str | None = None
    basis: str = ""  # the reading that decided (see BASES), "" when none did
    elapsed: float | None = None  # the elapsed share of the year (%), part-year only

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "percent_of_plan": self.percent_of_plan,
            "confidence": self.confidence,
            "notes": list(self.notes),
            "parts": [p.to_dict() for p in self.parts],
            "progress": self.progress,
            "basis": self.basis,
            "elapsed": self.elapsed,
        }


# What decided a verdict: the family of the reading, with its labels (vi, en).
BASES: dict[str, tuple[str, str]] = {
    "share_of_plan": ("Tỷ lệ % kế hoạch ghi trong kết quả", "The share of plan the result states"),
    "margin": ("Mức vượt/thiếu so với kế hoạch ghi trong kết quả",
               "The margin over or under the plan the result states"),
    "ratio": ("Kết quả và chỉ tiêu ghi trong một tỷ số a/b",
              "Result and target written as one ratio a/b"),
    "subcounts": ("Số chỉ tiêu thành phần đạt/không đạt",
                  "The counts of sub-indicators achieved or not"),
    "negation": ("Không có/chưa có: coi là 0 hoặc chưa thực hiện",
                 "None, or not done: taken as zero"),
    "sign": ("Số âm (giảm) so với mức cần tăng", "A negative figure against a level to reach"),
    "value": ("So sánh số liệu với chỉ tiêu", "The figure compared with the target"),
    "change": ("Mức tăng/giảm so với mức tăng/giảm cần đạt",
               "The change compared with the change to achieve"),
    "word": ("Lời đánh giá ghi trong kết quả", "The verdict written in the result"),
    "rating": ("Mức xếp loại", "The rating"),
    "composite": ("Từng chỉ tiêu trong ô", "Each target of the cell"),
}


def basis_label(code: str, lang: str = "vi") -> str:
    """The label of a basis code ("" for "")."""
    if code not in BASES:
        return code
    return BASES[code][1 if lang == "en" else 0]
