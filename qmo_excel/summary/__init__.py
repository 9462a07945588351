"""The summary workbook leadership reads: overview with charts, list sheets, narrative."""

from qmo_excel.summary.workbook import write_summary

__all__ = ["write_summary"]
