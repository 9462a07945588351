"""Reading a result that speaks of the plan: the share of plan it states, which plan it
names when it names several, and the plan's own figure quoted in it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qmo_excel.judge.levels import LIKELY, weakest
from qmo_excel.judge.normalize import fold
from qmo_excel.judge.numbers import Num
from qmo_excel.judge.plan import Stated, plan_value, plan_words, scan_plan
from qmo_excel.judge.progress import period_in
from qmo_excel.judge.targets import Target
from qmo_excel.judge.wording import unit_after

if TYPE_CHECKING:
    from qmo_excel.judge.results import Result


def read_plan(r: Result, low: str, qs: list[Num], target: Target | None) -> set[int]:
    """The share of plan and the margin the result states; the indices of their numbers."""
    # a bare "đạt 103%" is a share of plan only against the plan of an amount: against the
    # plan of a rate ("Tỷ lệ bao phủ BHYT", "kế hoạch") "đạt 93,5%" is the rate itself
    plan_target = target is not None and target.kind == "plan" and not target.rate
    stated = scan_plan(low, qs)
    margins = [s for s in stated if s.margin is not None]
    shares = [s for s in stated if s.share is not None and (s.explicit or plan_target)]
    if any(s.explicit for s in margins):
        # "đạt 71%, vượt 14% chỉ tiêu kế hoạch": the margin names the plan, "71%" does not
        shares = [s for s in shares if s.explicit]
    used: set[int] = set()
    index = {id(n): i for i, n in enumerate(qs)}
    if shares:
        chosen = _choose_share(shares, target)
        assert chosen.share is not None
        r.percent_of_plan_stated = chosen.share
        r.share_bound = chosen.bound
        r.share_plan = chosen.plan
        r.share_explicit = chosen.explicit
        r.share_period = period_in(chosen.plan)
        r.other_shares = [s.share for s in shares
                          if s is not chosen and s.share is not None and s.plan != chosen.plan]
        if not chosen.explicit:
            r.confidence = weakest(r.confidence, LIKELY)
            r.notes.append("Số % không ghi so với gì: coi là % kế hoạch")
        if chosen.bound or _ESTIMATE.search(low[: chosen.start]):
            r.approximate = True
            r.confidence = weakest(r.confidence, LIKELY)
            r.notes.append("Số ước tính")
        for s in shares:
            if s.num is not None:
                used.add(index[id(s.num)])
    for i, n in enumerate(qs):
        if i not in used and plan_value(low, n) and not any(
                s.num is n for s in stated):
            # "trong khi nghị quyết là 33 triệu đồng": the plan's figure, not the result
            r.plan_value = n.value
            r.plan_value_unit = _unit_of(low, n)
            used.add(i)
            break
    if margins:
        m = margins[0]
        assert m.num is not None and m.margin is not None
        r.margin = m.margin
        r.margin_sense = m.sense
        pct_target = target is not None and target.unit in ("%", "‰")
        r.margin_kind = ("units" if m.margin_unit != "%"
                         else "points" if pct_target else "relative")
        r.margin_unit = m.margin_unit
        if m.bound:
            r.approximate = True
            r.confidence = weakest(r.confidence, LIKELY)
            r.notes.append("Số ước tính")
        for s in margins:
            assert s.num is not None
            used.add(index[id(s.num)])
    return used


_ESTIMATE = re.compile(r"\b(?:ước|dự kiến|dự ước|khoảng|xấp xỉ)\b")


def _unit_of(low: str, n: Num) -> str:
    word = unit_after(low, n.end)
    return f"{n.scale} {word}".strip() if n.scale else word


def _choose_share(shares: list[Stated], target: Target | None) -> Stated:
    """The share whose plan is the target's ("kế hoạch tỉnh giao"), else the first."""
    explicit = [s for s in shares if s.explicit] or shares
    if target is None:
        return explicit[0]
    want = plan_words(fold(target.text))
    if not want:
        return explicit[0]
    best = max(explicit, key=lambda s: len(want & plan_words(s.plan)))
    return best if want & plan_words(best.plan) else explicit[0]
