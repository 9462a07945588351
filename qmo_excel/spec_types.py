"""The building blocks of the template definition (``spec``): a field, a dropdown choice,
an information sheet (labels beside values) and a table sheet (a header row, then rows).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")

# What a cell holds. "choice" cells take one of CHOICES[field.choices].
FieldKind = Literal["text", "code", "year", "number", "date", "choice"]


@dataclass(frozen=True)
class Choice:
    code: str
    vi: str
    en: str

    def label(self, lang: Lang) -> str:
        return self.vi if lang == "vi" else self.en


@dataclass(frozen=True)
class Field:
    key: str
    vi: str
    en: str
    kind: FieldKind = "text"
    width: float = 18.0
    choices: str | None = None
    required: bool = False
    help_vi: str = ""
    help_en: str = ""
    example: str = ""
    # Text longer than this is reported (Excel itself caps a cell at 32,767 characters).
    max_length: int = 2000
    # Filled from the round's assignment and locked in pre-filled templates.
    assigned: bool = False

    def label(self, lang: Lang) -> str:
        return self.vi if lang == "vi" else self.en

    def help(self, lang: Lang) -> str:
        return self.help_vi if lang == "vi" else self.help_en


@dataclass(frozen=True)
class InfoSheet:
    """A form: one label and one input cell per field, in a column of rows."""

    key: str
    vi: str
    en: str
    fields: tuple[Field, ...]
    label_col: str = "B"
    value_col: str = "C"
    first_row: int = 4

    def name(self, lang: Lang) -> str:
        return self.vi if lang == "vi" else self.en

    def cell(self, key: str) -> str:
        for i, f in enumerate(self.fields):
            if f.key == key:
                return f"{self.value_col}{self.first_row + i}"
        raise KeyError(key)

    def cells(self) -> dict[str, str]:
        return {f.key: self.cell(f.key) for f in self.fields}

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)


@dataclass(frozen=True)
class TableSheet:
    """A list: a header row, then one record per row."""

    key: str
    vi: str
    en: str
    fields: tuple[Field, ...]
    table_name: str
    header_row: int = 3
    rows: int = 300

    @property
    def first_data_row(self) -> int:
        return self.header_row + 1

    @property
    def last_data_row(self) -> int:
        return self.header_row + self.rows

    def name(self, lang: Lang) -> str:
        return self.vi if lang == "vi" else self.en

    def column(self, key: str) -> str:
        for i, f in enumerate(self.fields):
            if f.key == key:
                return col_letter(i)
        raise KeyError(key)

    def columns(self) -> dict[str, str]:
        return {f.key: self.column(f.key) for f in self.fields}

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)


def col_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
