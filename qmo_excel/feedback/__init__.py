"""The feedback workbook for a unit: a coloured, commented copy of its own file
(``workbook``), the Excel 2010 extensions openpyxl drops (``extensions``), and an old
.xls/.ods return rebuilt in our template (``rebuild``)."""

from qmo_excel.feedback.workbook import write_feedback

__all__ = ["write_feedback"]
