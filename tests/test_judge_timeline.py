"""Plan timelines from the seeds and DOMAIN.md, read for a year."""

from __future__ import annotations

from datetime import date

import pytest

from qmo_excel.judge import read_timeline

CASES = [
    # (text, year, kind, due, start, end, recurrence, deadline)
    (
        "Tháng 01/2023.",
        2023,
        "interval",
        ["2023-01-31"],
        "2023-01-01",
        "2023-01-31",
        None,
        "2023-01-31",
    ),
    (
        "Tháng 01/2021",
        2021,
        "interval",
        ["2021-01-31"],
        "2021-01-01",
        "2021-01-31",
        None,
        "2021-01-31",
    ),
    (
        "Tháng 05/2021",
        2021,
        "interval",
        ["2021-05-31"],
        "2021-05-01",
        "2021-05-31",
        None,
        "2021-05-31",
    ),
    (
        "Tháng 2-3/2023",
        2023,
        "interval",
        ["2023-03-31"],
        "2023-02-01",
        "2023-03-31",
        None,
        "2023-03-31",
    ),
    (
        "Tháng 12/2022 – Tháng 01/2023",
        2023,
        "interval",
        ["2023-01-31"],
        "2022-12-01",
        "2023-01-31",
        None,
        "2023-01-31",
    ),
    (
        "Quý I/2021",
        2021,
        "interval",
        ["2021-03-31"],
        "2021-01-01",
        "2021-03-31",
        None,
        "2021-03-31",
    ),
    ("Quý III", 2022, "interval", ["2022-09-30"], "2022-07-01", "2022-09-30", None, "2022-09-30"),
    (
        "6 tháng đầu năm",
        2023,
        "interval",
        ["2023-06-30"],
        "2023-01-01",
        "2023-06-30",
        None,
        "2023-06-30",
    ),
    (
        "6 tháng cuối năm",
        2023,
        "interval",
        ["2023-12-31"],
        "2023-07-01",
        "2023-12-31",
        None,
        "2023-12-31",
    ),
    (
        "Trước ngày 30 tháng 8 hàng năm\n(Tần suất ĐGNB tối thiểu 01 lần/năm)",
        2023,
        "date",
        ["2023-08-30"],
        None,
        "2023-08-30",
        "yearly",
        "2023-08-30",
    ),
    (
        "Trước 15/6 và trước 30/11 hằng năm",
        2023,
        "dates",
        ["2023-06-15", "2023-11-30"],
        "2023-06-15",
        "2023-11-30",
        "yearly",
        "2023-11-30",
    ),
    ("Trước 31/12", 2024, "date", ["2024-12-31"], None, "2024-12-31", None, "2024-12-31"),
    (
        "Từ ngày 01/3 đến ngày 30/4/2023",
        2023,
        "interval",
        ["2023-04-30"],
        "2023-03-01",
        "2023-04-30",
        None,
        "2023-04-30",
    ),
    ("Năm 2023", 2023, "interval", ["2023-12-31"], "2023-01-01", "2023-12-31", None, "2023-12-31"),
    (
        "Định kỳ hàng tháng",
        2023,
        "recurring",
        [
            f"2023-{m:02d}-{d}"
            for m, d in zip(
                range(1, 13), [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], strict=True
            )
        ],
        "2023-01-01",
        "2023-12-31",
        "monthly",
        "2023-12-31",
    ),
    (
        "- Thường xuyên theo dõi;\n- Báo cáo định kỳ hàng quý.",
        2023,
        "recurring",
        ["2023-03-31", "2023-06-30", "2023-09-30", "2023-12-31"],
        "2023-01-01",
        "2023-12-31",
        "quarterly",
        "2023-12-31",
    ),
    (
        "Định kỳ 06 tháng/01 lần",
        2023,
        "recurring",
        ["2023-06-30", "2023-12-31"],
        "2023-01-01",
        "2023-12-31",
        "half_yearly",
        "2023-12-31",
    ),
    ("Thường xuyên", 2023, "continuous", [], None, None, None, None),
    ("Thường xuyên;", 2023, "continuous", [], None, None, None, None),
    ("Khi có phát sinh", 2021, "on_event", [], None, None, None, None),
    ("Sau tiếp nhận kế hoạch", 2021, "on_event", [], None, None, None, None),
    (
        "Sau hoạt động ĐGNB và lồng ghép vào các cuộc họp giao ban cơ quan",
        2023,
        "on_event",
        [],
        None,
        None,
        None,
        None,
    ),
    ("Sau thực hiện theo kế hoạch", 2021, "on_event", [], None, None, None, None),
    ("Theo kế hoạch", 2021, "none", [], None, None, None, None),
    ("Theo kế hoạch thực hiện các chỉ tiêu", 2021, "none", [], None, None, None, None),
    ("", 2021, "none", [], None, None, None, None),
    (None, 2021, "none", [], None, None, None, None),
]


@pytest.mark.parametrize(
    ("text", "year", "kind", "due", "start", "end", "recurrence", "deadline"),
    CASES,
    ids=[str(c[0])[:30] for c in CASES],
)
def test_timeline(
    text: str | None,
    year: int,
    kind: str,
    due: list[str],
    start: str | None,
    end: str | None,
    recurrence: str | None,
    deadline: str | None,
) -> None:
    tl = read_timeline(text, year)
    d = tl.to_dict()
    assert (d["kind"], d["due"], d["start"], d["end"], d["recurrence"]) == (
        kind,
        due,
        start,
        end,
        recurrence,
    )
    got = tl.deadline()
    assert (got.isoformat() if got else None) == deadline


def test_due_by_cutoff_finds_overdue_dates() -> None:
    tl = read_timeline("Trước 15/6 và trước 30/11 hằng năm", 2023)
    assert tl.due_by(date(2023, 6, 30)) == [date(2023, 6, 15)]
    assert tl.due_by(date(2023, 1, 1)) == []


def test_day_is_clamped_to_month_end() -> None:
    tl = read_timeline("Trước 30/2", 2023)
    assert tl.due == [date(2023, 2, 28)]
