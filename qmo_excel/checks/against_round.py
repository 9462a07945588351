"""Checks of a return against the round: who the unit is, and what it was assigned.

- the unit code is in the register (``unit-unknown``), the name agrees with the
  register's (``unit-name-mismatch``; abbreviations such as "Phòng TC-KH" or "UBND" and
  a shorter or longer form of the name agree), and the file name does not name another
  unit (``file-name-mismatch``: "BaoCao_MTCL_2023_PKT.xlsx" holding unit PTNMT);
- every indicator assigned to the unit is there (``assigned-missing``) with the target
  it was given (``target-altered``).
"""

from __future__ import annotations

import re

from qmo_excel.cells import cell_text, code_key, loose, squeeze
from qmo_excel.checks.context import CheckContext
from qmo_excel.model import RegisteredUnit, Row, assigned_to
from qmo_excel.vocab import Words

# The file name of a pre-filled template: MTCL_2023_6-thang_PTCKH.xlsx (template/prefill.py;
# before 2026-12: MTCL_2023_h1_PTCKH.xlsx).
_PREFILLED = re.compile(r"^MTCL_\d{4}_[a-z0-9-]+_([A-Za-z0-9_-]+?)(?:\s*\(\d+\))?$")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
MAX_NAME_WORDS = 40  # a unit's name is a few words; a pasted paragraph is cut here


def identity(c: CheckContext) -> None:
    """Unit code, unit name and file name against the register (and each other)."""
    r = c.round
    register = r.register if r else []
    code = c.unit_code
    if code:
        _file_name(c, code, register)
    if not register or not code:
        return
    by_code = {u.code.strip().casefold(): u for u in register}
    unit = by_code.get(code.casefold())
    name = cell_text(c.ret.info.get("unit_name"))
    if unit is None:
        near = [u.code for u in register if loose(u.name) == loose(name)]
        hint = Words("")
        if near:
            hint = Words(f" (đơn vị này có mã {near[0]})", f" (this unit's code is {near[0]})")
        c.add("unit-unknown", "info", c.info_cell("unit_code"), "unit_code", code, hint=hint)
    elif name and unit.name and not names_agree(name, unit.name):
        c.add("unit-name-mismatch", "info", c.info_cell("unit_name"), "unit_name", name,
              expected=unit.name, own_code=unit.code)


def names_agree(a: str, b: str) -> bool:
    """Whether two ways of writing a unit's name can name the same unit."""
    x, y = loose(a).split()[:MAX_NAME_WORDS], loose(b).split()[:MAX_NAME_WORDS]
    if not x or not y:
        return True
    return _covers(x, y) or _covers(y, x)


def _covers(short: list[str], full: list[str]) -> bool:
    """Each word of ``short`` is, in order, a word of ``full`` or the initials of a run of
    its words ("tc" = "tai chinh", "ubnd" = "uy ban nhan dan"); words of ``full`` may be
    left out ("Phường Hương Xuân" in "UBND phường Hương Xuân")."""
    n, m = len(short), len(full)
    # reach[i] = the positions in full where short[:i] can end
    reach = [{0}] + [set() for _ in range(n)]
    for i, word in enumerate(short):
        for start in sorted(reach[i]):
            for j in range(start, m):
                if full[j] == word:
                    reach[i + 1].add(j + 1)
                initials = ""
                for k in range(j, m):
                    initials += full[k][0]
                    if len(initials) > len(word):
                        break
                    if initials == word and k > j:
                        reach[i + 1].add(k + 1)
                if len(word) == 1 and full[j].startswith(word):
                    reach[i + 1].add(j + 1)  # "P. Hương Xuân" for "Phường Hương Xuân"
        if not reach[i + 1]:
            return False
    return True


def _slug(text: str) -> str:
    return "-" + _NON_ALNUM.sub("-", loose(text)).strip("-") + "-"


# Words that open a unit's name and say only what kind of unit it is.
_KIND_WORDS = ("uy ban nhan dan", "ubnd", "thi tran", "phuong", "xa", "phong", "trung tam",
               "p", "x", "tt")


def distinctive(name: str) -> str:
    """What tells a unit's name from the others': "UBND phường Tứ Hạ" -> "tu ha";
    "" when too little is left to be told apart safely (one short word)."""
    words = loose(name)
    stripped = True
    while stripped:
        stripped = False
        for kind in _KIND_WORDS:
            if words.startswith(kind + " "):
                words, stripped = words[len(kind) + 1:], True
    return words if " " in words and len(words) >= 5 else ""


def _file_name(c: CheckContext, code: str, register: list[RegisteredUnit]) -> None:
    """The file name names another unit: by its code ("…_PTNMT.xlsx", the pre-filled
    templates' names) or by its name ("Phường Tứ Hạ - MTCL 2023.xlsx")."""
    name = c.file.replace("\\", "/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    slug, own = _slug(stem), _slug(code)
    if own in slug:
        return
    named = [u.code for u in register if _slug(u.code) in slug and _slug(u.code) != own]
    if not named:
        m = _PREFILLED.match(stem)
        named = [m.group(1)] if m and _slug(m.group(1)) != own else []
    if not named:
        words = f" {loose(stem)} "
        mine = next((u for u in register if _slug(u.code) == own), None)
        own_name = distinctive(mine.name if mine else cell_text(c.ret.info.get("unit_name")))
        if not own_name or f" {own_name} " not in words:
            named = [u.code for u in register if _slug(u.code) != own
                     and (d := distinctive(u.name)) and f" {d} " in words]
    if named:
        longest = max(named, key=len)
        c.add("file-name-mismatch", "info", c.info_cell("unit_code"), "unit_code", name,
              expected=longest, own_code=code)


def assignments(c: CheckContext, rows: dict[tuple[int, ...], Row], target_col: str,
                code_col: str, first_row: int) -> None:
    """The indicators the round assigned to this unit: present, with the same target."""
    r = c.round
    if r is None or not r.assignments or not c.unit_code:
        return
    mine = assigned_to(r.assignments, c.unit_code)
    first = f"{code_col}{first_row}"
    for a in mine:
        key = code_key(a.code)
        if key is None:
            continue
        row = rows.get(key)
        if row is None:
            c.add("assigned-missing", "objectives", first, "code", a.code,
                  expected=a.target, text=a.text)
            continue
        written = row.text("target")
        if written and squeeze(written) != squeeze(a.target):
            c.add("target-altered", "objectives", f"{target_col}{row.row}", "target", written,
                  expected=a.target, indicator=a.code)
