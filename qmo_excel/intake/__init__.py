"""Intake: safe reading of returns sent by strangers (the checks are ``qmo_excel.checks``,
the workers that run both ``qmo_excel.jobs``).

The reading layer (this package's lower half) — every step survives hostile files:

- ``discover.discover(paths) -> list[Candidate]``: every file under the paths, sorted by
  ``rel``; ``kind`` "spreadsheet" or "ignored" (lock/system/non-spreadsheet files, with a
  Vietnamese ``reason``).
- ``precheck.precheck(path) -> Precheck``: magic bytes and zip directory only; ``ok`` for
  an OOXML workbook (Transitional or Strict), an old .xls (BIFF8/BIFF5) or an .ods,
  which calamine reads; else ``code`` (a problems.py file-level code) and a short
  Vietnamese ``detail`` for the message's ``{detail}``. .xlsb/CSV/HTML/SYLK/Numbers… are
  never parsed (file-old-format); encrypted files get file-encrypted, except that the
  reader still tries Excel's default password on them (``CAN_TRY_DEFAULT``, decrypt.py).
- ``reader.read_return(path) -> UnitReturn`` (raises ``ReadError(code, detail)`` only
  when the file is not a return at all: no objectives sheet, a round workbook, or
  unreadable). ``reader.read_return_layout(path) -> (UnitReturn, Layout)`` also says
  where each field was actually read from: ``Layout.sheets[key]`` (key "info",
  "objectives", "plan"; a sheet that was not found has no entry, and neither has
  ``UnitReturn.sheet_names``) is a ``SheetLayout`` with ``name``, ``visible``,
  ``header_row``, ``columns`` (field key -> column letter actually read, None when not
  found; for "info", field key -> cell address), ``headers`` (column letter -> header
  text found), ``moved`` (keys not read at the spec position), ``renamed`` (found by its
  labels), ``uncached`` (A1 -> formula with no cached value) and ``hidden_rows``;
  ``Layout.format`` ("xlsx", "xls", "ods") and ``default_password``. Checks
  use ``columns`` to name cells, so an inserted column does not shift every reported
  cell. ``labels.loose(text)`` is how names and labels are compared (no case, no
  diacritics, no punctuation, single spaces).

Cell values in a ``UnitReturn``: '' -> None; integral numbers as int, others float;
dates as ``datetime.date``; text NFC-normalised and stripped; booleans as "TRUE"/"FALSE";
formula-looking text stays the text it was typed as (cached values are read, never
formulas); a number with a percent format in a text field is the text the unit saw
("96,4%"); a value merged down over several rows belongs to each of them. ``Row.row``
is the real 1-based sheet row; rows with every field empty are skipped.
``template_id``/``version`` are None when there is no ``_qmo`` meta sheet.
"""
