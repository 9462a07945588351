"""Cell formats and colours of the summary workbook (one cache per workbook)."""

from __future__ import annotations

from typing import Any

FONT = "Arial"
SERIF = "Times New Roman"

# Strong colours for charts and the darkest fills; light ones for cell backgrounds.
VERDICT_CHART = {
    "vuot": "#1B5E20", "dat": "#43A047", "khong_dat": "#D32F2F",
    "dang_thuc_hien": "#1E88E5", "chua_co_so_lieu": "#9E9E9E", "khong_xac_dinh": "#FFB300",
}
VERDICT_CELL = {  # (fill, font)
    "vuot": ("#1E7B34", "#FFFFFF"), "dat": ("#C6EFCE", "#006100"),
    "khong_dat": ("#FFC7CE", "#9C0006"), "dang_thuc_hien": ("#DDEBF7", "#1F4E78"),
    "chua_co_so_lieu": ("#E7E6E6", "#3A3838"), "khong_xac_dinh": ("#FFE699", "#7F6000"),
}
BAND_CHART = {"xuat_sac": "#1B5E20", "tot": "#43A047", "hoan_thanh": "#FFB300",
              "khong_hoan_thanh": "#D32F2F"}
BAND_CELL = {"xuat_sac": ("#1E7B34", "#FFFFFF"), "tot": ("#C6EFCE", "#006100"),
             "hoan_thanh": ("#FFE699", "#7F6000"), "khong_hoan_thanh": ("#FFC7CE", "#9C0006")}
INTAKE_CELL = {"used": ("#C6EFCE", "#006100"), "superseded": ("#E7E6E6", "#3A3838"),
               "duplicate": ("#E7E6E6", "#3A3838"), "rejected": ("#FFC7CE", "#9C0006"),
               "ignored": ("#F2F2F2", "#595959")}
SEVERITY_CELL = {"error": ("#FFC7CE", "#9C0006"), "warning": ("#FFE699", "#7F6000"),
                 "info": ("#DDEBF7", "#1F4E78")}
PROGRESS_CHART = {"on_time": "#43A047", "late": "#FFB300", "open": "#90CAF9",
                  "overdue": "#D32F2F"}
HEADER_FILL = "#1F4E78"
ACCENT = "#1F4E78"
OVERDUE_ROW = ("#FDE2E1", "#9C0006")

BASE: dict[str, dict[str, Any]] = {
    "title": {"bold": True, "font_size": 14, "font_color": ACCENT, "valign": "vcenter",
              "text_wrap": True},
    "subtitle": {"italic": True, "font_size": 10, "font_color": "#404040"},
    "note": {"italic": True, "font_size": 9, "font_color": "#7F6000", "text_wrap": True,
             "valign": "top"},
    "header": {"bold": True, "font_color": "#FFFFFF", "bg_color": HEADER_FILL,
               "text_wrap": True, "valign": "vcenter", "align": "center", "border": 1,
               "border_color": "#BFBFBF"},
    "text": {"valign": "top", "border": 1, "border_color": "#D9D9D9"},
    "wrap": {"valign": "top", "text_wrap": True, "border": 1, "border_color": "#D9D9D9"},
    "center": {"valign": "top", "align": "center", "border": 1, "border_color": "#D9D9D9"},
    "int": {"valign": "top", "num_format": "#,##0", "border": 1, "border_color": "#D9D9D9"},
    "score": {"valign": "top", "num_format": "0.0", "border": 1, "border_color": "#D9D9D9"},
    "pct": {"valign": "top", "num_format": "0.0%", "border": 1, "border_color": "#D9D9D9"},
    "date": {"valign": "top", "num_format": "dd/mm/yyyy", "align": "center", "border": 1,
             "border_color": "#D9D9D9"},
    # overview
    "big_title": {"bold": True, "font_size": 16, "font_color": ACCENT, "align": "center",
                  "valign": "vcenter", "text_wrap": True},
    "town": {"bold": True, "font_size": 12, "align": "center", "valign": "vcenter"},
    "asof": {"italic": True, "font_size": 10, "align": "center", "font_color": "#404040"},
    "group": {"bold": True, "font_size": 10, "font_color": ACCENT, "bottom": 2,
              "bottom_color": ACCENT},
    "tile_label": {"font_size": 9, "font_color": "#404040", "align": "center",
                   "valign": "vcenter", "text_wrap": True, "bg_color": "#F2F2F2",
                   "top": 1, "left": 1, "right": 1, "border_color": "#BFBFBF"},
    "tile_value": {"bold": True, "font_size": 20, "align": "center", "valign": "vcenter",
                   "font_color": ACCENT, "bg_color": "#F2F2F2", "bottom": 1, "left": 1,
                   "right": 1, "border_color": "#BFBFBF"},
    # the town's objectives on the overview
    "town_headline": {"bold": True, "font_size": 13, "align": "left", "valign": "vcenter"},
    "town_gap": {"italic": True, "font_size": 10, "font_color": "#7F6000", "text_wrap": True,
                 "valign": "top", "bg_color": "#FFF2CC"},
    "town_head": {"bold": True, "font_size": 9, "font_color": "#FFFFFF", "bg_color": ACCENT,
                  "text_wrap": True, "align": "center", "valign": "vcenter", "border": 1,
                  "border_color": "#BFBFBF"},
    "town_text": {"font_size": 9, "text_wrap": True, "valign": "top", "border": 1,
                  "border_color": "#BFBFBF"},
    "town_center": {"font_size": 9, "text_wrap": True, "valign": "top", "align": "center",
                    "border": 1, "border_color": "#BFBFBF"},
    # narrative
    "para": {"font_name": SERIF, "font_size": 13, "text_wrap": True, "valign": "top",
             "align": "justify"},
    "para_bold": {"font_name": SERIF, "font_size": 13, "text_wrap": True, "valign": "top",
                  "bold": True, "align": "justify"},
    "para_title": {"font_name": SERIF, "font_size": 14, "bold": True, "align": "center",
                   "valign": "vcenter", "text_wrap": True},
    "para_sub": {"font_name": SERIF, "font_size": 13, "italic": True, "align": "center",
                 "valign": "vcenter"},
}


class Formats:
    """Creates each format once; ``get("tile_value", font_color=…)`` adds overrides."""

    def __init__(self, workbook: Any) -> None:
        self.wb = workbook
        self.cache: dict[tuple[Any, ...], Any] = {}

    def get(self, name: str, **extra: Any) -> Any:
        key = (name, *sorted(extra.items()))
        if key not in self.cache:
            props = {"font_name": FONT, "font_size": 10, **BASE[name], **extra}
            self.cache[key] = self.wb.add_format(props)
        return self.cache[key]

    def fill(self, colours: tuple[str, str], bold: bool = False) -> Any:
        """A conditional-format style: background and font colour."""
        key = ("fill", colours, bold)
        if key not in self.cache:
            self.cache[key] = self.wb.add_format(
                {"bg_color": colours[0], "font_color": colours[1], "bold": bold})
        return self.cache[key]
