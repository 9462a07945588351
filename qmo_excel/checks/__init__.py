"""Checks of one return: its values (``returns``), its layout and format (``layout``) and,
with a round, the register and the assigned targets (``against_round``)."""

from qmo_excel.checks.returns import check_return

__all__ = ["check_return"]
