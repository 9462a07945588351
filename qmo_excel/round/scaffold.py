"""Scaffold a round's working folder: round workbook, folders, templates, README.

Never overwrites: a file that already exists is kept as it is and reported as kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qmo_excel.model import RoundConfig
from qmo_excel.round.book import write_round_workbook
from qmo_excel.round.reader import example_round, read_round
from qmo_excel.template.prefill import prefilled_name, write_prefilled
from qmo_excel.template.unit_book import TEMPLATE_FILES, write_unit_workbook

ROUND_FILE = "round.xlsx"
FOLDERS = ("returns", "output", "templates")

README = {
    "vi": """KỲ BÁO CÁO MỤC TIÊU CHẤT LƯỢNG (MTCL) - thư mục làm việc, tạo bởi "qmo init"

round.xlsx   Tệp kỳ báo cáo: cài đặt (đơn vị tổng hợp, năm, kỳ, hạn nộp, ngày chốt số
             liệu, ngưỡng xếp loại), danh sách đơn vị phải nộp, chỉ tiêu giao cho đơn vị.
             Mọi ô đều có thể để trống: khi đó dùng giá trị mặc định.
templates/   Mẫu báo cáo gửi cho các đơn vị (điền sẵn và khoá phần được giao cho
             từng đơn vị khi round.xlsx có danh sách đơn vị).
returns/     Bài nộp: chép vào đây các tệp .xlsx đơn vị gửi về (có thể chia thư mục con).
output/      Kết quả: bảng tổng hợp, tệp phản hồi cho đơn vị, dữ liệu xuất.

Các bước tiếp theo:
1. Mở round.xlsx, điền trang "Cài đặt", "Danh sách đơn vị", "Giao chỉ tiêu"; lưu lại.
2. Tạo mẫu điền sẵn cho từng đơn vị:
       qmo template --round round.xlsx --all -o templates --force
3. Gửi mỗi đơn vị tệp của mình trong templates/. Tệp nhận về chép vào returns/.
4. Kiểm tra bài nộp:   qmo validate returns
5. Tổng hợp:           qmo consolidate returns   (xem "qmo consolidate --help")
Các tệp trong returns/ không bao giờ bị chương trình sửa.
""",
    "en": """QUALITY OBJECTIVES (MTCL) REPORTING ROUND - working folder made by "qmo init"

round.xlsx   The round: settings (town, year, period, deadline, cut-off, bands), the units
             expected to report, the indicators assigned to them. Every cell is optional.
templates/   The returns to send to the units (pre-filled per unit when round.xlsx lists
             units).
returns/     Put the files the units send back here (sub-folders are fine).
output/      Results: summary workbook, feedback files, exports.

Next steps:
1. Open round.xlsx and fill in Settings, Units and Assignments; save it.
2. Pre-filled returns per unit:  qmo template --round round.xlsx --all -o templates --force
3. Send each unit its file; put the returned files in returns/.
4. Check them:        qmo validate returns
5. Consolidate:       qmo consolidate returns   (see "qmo consolidate --help")
Files in returns/ are never modified.
""",
}


class InitError(Exception):
    """The folder cannot be scaffolded (it holds files and ``force`` was not given)."""


@dataclass(frozen=True)
class Made:
    path: Path
    status: str  # created | kept


def init_round_folder(folder: str | Path, *, example: bool = False, lang: str = "vi",
                      force: bool = False) -> list[Made]:
    """Scaffold ``folder``; return every path with whether it was created or kept."""
    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise InitError(f"“{root}” là một tệp, không phải thư mục.")
    if root.is_dir() and any(root.iterdir()) and not force:
        raise InitError(f"Thư mục “{root}” đã có tệp. Dùng --force để chỉ tạo phần còn "
                        "thiếu (không tệp nào bị ghi đè), hoặc chọn thư mục khác.")
    made: list[Made] = []
    root.mkdir(parents=True, exist_ok=True)
    for name in FOLDERS:
        sub = root / name
        made.append(Made(sub, "kept" if sub.is_dir() else "created"))
        sub.mkdir(exist_ok=True)
    round_path = root / ROUND_FILE
    if round_path.exists():
        config = read_round(round_path)
        made.append(Made(round_path, "kept"))
    else:
        config = example_round() if example else RoundConfig()
        write_round_workbook(round_path, lang=lang, config=config)
        made.append(Made(round_path, "created"))
    made += _templates(root / "templates", config, lang)
    readme = root / "README.txt"
    if readme.exists():
        made.append(Made(readme, "kept"))
    else:
        readme.write_text(README["en" if lang == "en" else "vi"], encoding="utf-8")
        made.append(Made(readme, "created"))
    return made


def _templates(out: Path, config: RoundConfig, lang: str) -> list[Made]:
    if not config.register:
        blank = out / TEMPLATE_FILES["en" if lang == "en" else "vi"]
        if blank.exists():
            return [Made(blank, "kept")]
        write_unit_workbook(blank, lang=lang)
        return [Made(blank, "created")]
    kept = [u.code for u in config.register if (out / prefilled_name(config, u.code)).exists()]
    todo = [u.code for u in config.register if u.code not in kept]
    made = [Made(out / prefilled_name(config, code), "kept") for code in kept]
    if todo:
        made += [Made(p, "created") for p in write_prefilled(config, out, lang=lang,
                                                             units=todo)]
    return made
