"""What a family of checks needs from the checker of one return (a typing protocol).

``returns._Checker`` implements it; ``layout`` and ``against_round`` take it, so the
checks of a return import those modules and never the other way round.
"""

from __future__ import annotations

from typing import Any, Protocol

from qmo_excel import spec
from qmo_excel.model import RoundConfig, UnitReturn
from qmo_excel.vocab import Words


class CheckContext(Protocol):
    ret: UnitReturn
    round: RoundConfig | None
    file: str
    unit_code: str

    def add(self, code: str, sheet_key: str, cell: str, field: str = "", value: Any = "",
            **params: Any) -> None: ...

    def label(self, f: spec.Field) -> Words: ...

    def info_cell(self, key: str) -> str: ...
