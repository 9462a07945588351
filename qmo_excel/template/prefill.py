"""One pre-filled unit workbook per registered unit, from a round's register and assignments."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from qmo_excel.model import Assignment, RegisteredUnit, RoundConfig
from qmo_excel.names import UniqueNames
from qmo_excel.template.unit_book import write_unit_workbook
from qmo_excel.vocab import Period


def ascii_slug(text: str) -> str:
    """'P-Hương Xuân' -> 'P-Huong-Xuan': safe in a file name on every system."""
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    text = text.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-_") or "DV"


def prefilled_name(round_: RoundConfig, unit_code: str) -> str:
    """File name of a unit's pre-filled workbook, e.g. MTCL_2023_6-thang_PTCKH.xlsx (the
    period in Vietnamese words without diacritics: quy-1, 6-thang, 9-thang, nam)."""
    parts = ["MTCL"]
    if round_.year is not None:
        parts.append(str(round_.year))
    period = Period.get(round_.period or "year")
    parts += [period.slug if period else "nam", ascii_slug(unit_code)]
    return "_".join(parts) + ".xlsx"


def _code_key(code: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in code.split("."))


def unit_objectives(round_: RoundConfig, unit_code: str) -> list[dict[str, object]]:
    """The objective rows of a unit: its assignments, plus the row of every objective
    they belong to when the round does not list it (its text taken from any unit, else
    from the town's objectives)."""
    mine = [a for a in round_.assignments if a.unit_code.casefold() == unit_code.casefold()]
    codes = {a.code for a in mine}
    texts = {o.code: o.text for o in round_.town_objectives if o.text}
    texts.update({a.code: a.text for a in round_.assignments if a.text and "." not in a.code})
    rows: list[Assignment] = list(mine)
    for a in mine:
        obj = a.objective_code
        if obj and obj not in codes:
            codes.add(obj)
            rows.append(Assignment(unit_code=a.unit_code, objective_code=obj, code=obj,
                                   text=texts.get(obj, "")))
    order = {id(a): i for i, a in enumerate(rows)}
    rows.sort(key=lambda a: (_code_key(a.objective_code or a.code.split(".")[0]),
                             a.code != (a.objective_code or a.code), order[id(a)]))
    out: list[dict[str, object]] = []
    for a in rows:
        rec: dict[str, object] = {"code": a.code, "text": a.text,
                                  "unit_of_measure": a.unit_of_measure, "target": a.target,
                                  "direction": a.direction}
        if a.weight is not None:
            rec["weight"] = a.weight
        out.append(rec)
    return out


def unit_info(round_: RoundConfig, unit: RegisteredUnit) -> dict[str, object]:
    info: dict[str, object] = {"unit_code": unit.code, "unit_name": unit.name,
                               "period": round_.period}
    if round_.year is not None:
        info["year"] = round_.year
    return info


def write_prefilled(round: RoundConfig, out_dir: str | Path, *, lang: str = "vi",
                    units: Sequence[str] | None = None) -> list[Path]:
    """Write one pre-filled workbook per registered unit (or per code in ``units``).

    Info (code, name, year, period) and the unit's assigned objectives and indicators
    are filled and locked; everything else stays open. Returns the paths written.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    wanted = {u.casefold() for u in units} if units is not None else None
    chosen = [u for u in round.register if wanted is None or u.code.casefold() in wanted]
    if wanted is not None:
        unknown = wanted - {u.code.casefold() for u in chosen}
        if unknown:
            raise ValueError(f"unknown unit code(s): {sorted(unknown)}")
    paths: list[Path] = []
    names = UniqueNames()  # codes that slug alike ("Đ 1", "D/1") get "… (2).xlsx"
    for unit in chosen:
        path = out / names.take(prefilled_name(round, unit.code)[:-5], ".xlsx")
        write_unit_workbook(path, lang=lang, info=unit_info(round, unit),
                            objectives=unit_objectives(round, unit.code), lock_assigned=True)
        paths.append(path)
    return paths


def assignments_without_target(round: RoundConfig) -> list[Assignment]:
    """Assignments a unit could not report on: an indicator (1.2) with no target, or an
    objective (1) with no target and no indicator of its own assigned to the unit. Its
    pre-filled return would carry an empty, locked target (``target-empty`` later)."""
    out: list[Assignment] = []
    for a in round.assignments:
        if a.target.strip():
            continue
        code = a.code.strip().strip(".")
        if "." not in code and any(
                b.unit_code.casefold() == a.unit_code.casefold() and
                b.code.strip().startswith(code + ".") for b in round.assignments):
            continue
        out.append(a)
    return out
