"""Cell formats shared by the workbooks we write (xlsxwriter formats, made once per book)."""

from __future__ import annotations

from typing import Any

from qmo_excel import spec

HEADER_FILL = "#1F4E79"
LABEL_FILL = "#DDEBF7"
LOCKED_FILL = "#D9D9D9"
SECTION_FILL = "#BDD7EE"
BORDER_COLOR = "#808080"
FONT = "Arial"  # has every Vietnamese letter in Excel, LibreOffice and PDF output
DATE_FORMAT = "dd/mm/yyyy"


class Styles:
    """The formats of one workbook, by purpose."""

    def __init__(self, wb: Any) -> None:
        self._wb = wb
        base = {"font_name": FONT, "font_size": 10}
        self.title = wb.add_format({**base, "bold": True, "font_size": 14,
                                    "font_color": HEADER_FILL})
        self.subtitle = wb.add_format({**base, "italic": True, "font_color": "#404040"})
        self.header = wb.add_format({**base, "bold": True, "font_color": "#FFFFFF",
                                     "bg_color": HEADER_FILL, "text_wrap": True,
                                     "align": "center", "valign": "vcenter", "border": 1,
                                     "border_color": BORDER_COLOR})
        self.label = wb.add_format({**base, "bold": True, "bg_color": LABEL_FILL,
                                    "text_wrap": True, "valign": "vcenter", "border": 1,
                                    "border_color": BORDER_COLOR})
        self.hint = wb.add_format({**base, "italic": True, "font_color": "#595959",
                                   "text_wrap": True, "valign": "vcenter", "indent": 1})
        self.section = wb.add_format({**base, "bold": True, "font_size": 11,
                                      "bg_color": SECTION_FILL, "valign": "vcenter"})
        self.text = wb.add_format({**base, "text_wrap": True, "valign": "top"})
        self.heading = wb.add_format({**base, "bold": True, "font_size": 11,
                                      "font_color": HEADER_FILL})
        self.cell = wb.add_format({**base, "text_wrap": True, "valign": "top", "border": 1,
                                   "border_color": BORDER_COLOR})
        self.cell_head = wb.add_format({**base, "text_wrap": True, "valign": "vcenter",
                                        "bold": True, "bg_color": LABEL_FILL, "border": 1,
                                        "border_color": BORDER_COLOR})
        self.meta = wb.add_format({**base})
        # Conditional formats (dxf): a border around rows that hold something, bold
        # objective rows (a code without a dot).
        self.row_border = wb.add_format({"border": 1, "border_color": BORDER_COLOR})
        # LibreOffice applies only the first matching rule of a range: repeat the border.
        self.objective_row = wb.add_format({"bold": True, "border": 1,
                                            "border_color": BORDER_COLOR})
        self._inputs: dict[tuple[str, bool, bool], Any] = {}

    def input(self, kind: spec.FieldKind, *, locked: bool = False,
              boxed: bool = False) -> Any:
        """The format of an input cell of this kind (unlocked unless ``locked``).

        ``boxed`` adds a border (form cells, and filled cells of a list); ``locked``
        cells are shaded grey: they were assigned and must not be changed.
        """
        key = (kind, locked, boxed)
        if key not in self._inputs:
            props: dict[str, Any] = {"font_name": FONT, "font_size": 10, "valign": "top",
                                     "locked": locked, "text_wrap": True}
            if kind in ("text", "code"):
                props["num_format"] = "@"
            if kind == "date":
                props["num_format"] = DATE_FORMAT
            if boxed:  # a form's input cell: beside its label, vertically centred
                props.update({"valign": "vcenter", "align": "left"})
            elif kind in ("code", "year", "date", "number"):
                props["align"] = "center"
            if locked:
                props["bg_color"] = LOCKED_FILL
            if boxed or locked:
                props.update({"border": 1, "border_color": BORDER_COLOR})
            self._inputs[key] = self._wb.add_format(props)
        return self._inputs[key]
