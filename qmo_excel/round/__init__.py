"""The round workbook (settings, register of units, assignments): its reader, its writer
and the scaffold of a round's working folder (``qmo init``)."""

from qmo_excel.round.book import write_round_workbook
from qmo_excel.round.reader import RoundError, example_round, read_round

__all__ = ["RoundError", "example_round", "read_round", "write_round_workbook"]
